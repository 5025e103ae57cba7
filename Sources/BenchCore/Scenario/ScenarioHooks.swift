/// What a scenario runs untimed around its batches, with hyperfine's names.
public struct ScenarioHooks: Sendable, Equatable {
    /// Once per compiler, before its first batch.
    public var setup: ScenarioHook?
    /// Before every timed and warm-up batch: where a cache is emptied for a cold measurement.
    public var prepare: ScenarioHook?
    /// Once per compiler, after its last batch.
    public var cleanup: ScenarioHook?

    /// Creates hooks; none by default.
    public init(setup: ScenarioHook? = nil, prepare: ScenarioHook? = nil, cleanup: ScenarioHook? = nil) {
        self.setup = setup
        self.prepare = prepare
        self.cleanup = cleanup
    }
}

/// One hook: a job bench runs itself, or a function of the script's that the caller runs.
public enum ScenarioHook: Sendable, Equatable {
    /// A job; if it fails, the scenario stops with its outcome.
    case job(Job)
    /// A function the caller keeps (in BenchLua, a Lua registry reference), called through the runner's `HookCaller`.
    case function(Int32)
}

/// Which hook is due, and for what.
public struct HookEvent: Sendable, Equatable {
    /// Which of the three.
    public enum Point: String, Sendable {
        case setup, prepare, cleanup
    }

    /// The point in the run.
    public var point: Point
    /// The compiler it is for, `nil` in a comparison of commands.
    public var compiler: Compiler?
    /// The batch about to run (`prepare` only).
    public var strategy: Strategy?
    /// The probe of a one-probe batch (`prepare` only).
    public var probe: ByteString?
    /// Whether the batch about to run is timed (`prepare` only).
    public var timed: Bool

    /// Creates an event.
    public init(point: Point, compiler: Compiler?, strategy: Strategy? = nil, probe: ByteString? = nil, timed: Bool = false) {
        self.point = point
        self.compiler = compiler
        self.strategy = strategy
        self.probe = probe
        self.timed = timed
    }
}
