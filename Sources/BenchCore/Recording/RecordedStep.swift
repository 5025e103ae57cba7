/// What a replay knows of the recorded step whose compiles it replays (a scenario's `recording`
/// field): enough to say what running those compiles concurrently would save the step.
public struct RecordedStep: Sendable, Equatable {
    /// The recorded command, as one line (`./configure --prefix=/usr`).
    public var command: String
    /// Its wall time in seconds, start to exit.
    public var wall: Double
    /// Seconds during which at least one of its compilers ran (`Recording.compilerTime`).
    public var compilerTime: Double
    /// How many compiler invocations it ran.
    public var invocations: Int
    /// How many of them compiled results of earlier checks (autoconf's `confdefs.h` defines),
    /// so that running them concurrently needs those results first; `nil` when not known.
    public var dependent: Int?

    /// A recorded step.
    public init(command: String, wall: Double, compilerTime: Double, invocations: Int, dependent: Int? = nil) {
        self.command = command
        self.wall = wall
        self.compilerTime = compilerTime
        self.invocations = invocations
        self.dependent = dependent
    }

    /// Why these numbers cannot describe a recorded step, or `nil`: times are 0 to
    /// `Limits.documentSeconds`, the compilers' time at most the wall time, counts whole and at
    /// most `Limits.jobsPerBatch`.
    public var problem: String? {
        let seconds = Limits.documentSeconds
        if !seconds.contains(wall) { return "wall_s: a number from 0 to \(Int(seconds.upperBound)) expected, got \(wall)" }
        if !(0...wall).contains(compilerTime) { return "compiler_s: a number from 0 to wall_s (\(wall)) expected, got \(compilerTime)" }
        if !(0...Limits.jobsPerBatch.upperBound).contains(invocations) {
            return "invocations: a whole number from 0 to \(Limits.jobsPerBatch.upperBound) expected, got \(invocations)"
        }
        if let dependent, !(0...invocations).contains(dependent) {
            return "dependent: a whole number from 0 to invocations (\(invocations)) expected, got \(dependent)"
        }
        return nil
    }

    /// The step as the result document's `scenario.recording` object.
    var json: JSONValue {
        .object(
            [
                ("command", .string(command)), ("wall_s", .number(wall)), ("compiler_s", .number(compilerTime)),
                ("invocations", .int(invocations)),
            ] + (dependent.map { [("dependent", JSONValue.int($0))] } ?? []))
    }

    /// Reads what `json` wrote, checking it as `problem` does.
    init(json r: JSONReader) throws(BenchError) {
        self.init(
            command: try r.string("command"), wall: try r.number("wall_s"), compilerTime: try r.number("compiler_s"),
            invocations: try r.int("invocations"), dependent: r.has("dependent") ? try r.int("dependent") : nil)
        if let problem { throw .invalidValue("field 'scenario.recording.\(problem)") }
    }
}
