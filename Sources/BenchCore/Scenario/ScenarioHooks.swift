/// What a scenario runs untimed around its batches, with hyperfine's names. A scenario's hooks
/// run around every compiler's batches; a probe's own (one-probe batches only) around that
/// probe's, besides the scenario's.
public struct ScenarioHooks: Sendable, Hashable {
    /// Once per compiler (a probe's: once), before its first batch.
    public var setup: ScenarioHook?
    /// Before every timed and warm-up batch: where a cache is emptied for a cold measurement.
    public var prepare: ScenarioHook?
    /// After every timed and warm-up batch, untimed (hyperfine's `--conclude`).
    public var conclude: ScenarioHook?
    /// Once per compiler (a probe's: once), after its last batch.
    public var cleanup: ScenarioHook?

    /// Creates hooks; none by default.
    public init(setup: ScenarioHook? = nil, prepare: ScenarioHook? = nil, conclude: ScenarioHook? = nil, cleanup: ScenarioHook? = nil) {
        self.setup = setup
        self.prepare = prepare
        self.conclude = conclude
        self.cleanup = cleanup
    }

    /// True when there is no hook at all.
    public var isEmpty: Bool { setup == nil && prepare == nil && conclude == nil && cleanup == nil }

    /// The hook run at `point`, if any.
    public subscript(point: HookEvent.Point) -> ScenarioHook? {
        switch point {
        case .setup: return setup
        case .prepare: return prepare
        case .conclude: return conclude
        case .cleanup: return cleanup
        }
    }
}

/// One hook: a job bench runs itself, or a function of the script's that the caller runs.
public enum ScenarioHook: Sendable, Hashable {
    /// A job; if it fails, the scenario stops with its outcome.
    case job(Job)
    /// A function the caller keeps (in BenchLua, a Lua registry reference), called through the runner's `HookCaller`.
    case function(Int32)
}

/// Which hook is due, and for what.
public struct HookEvent: Sendable, Equatable {
    /// Which of the four, in the order they run.
    public enum Point: String, Sendable, CaseIterable {
        /// Before the first batch.
        case setup
        /// Before every batch.
        case prepare
        /// After every batch.
        case conclude
        /// After the last batch.
        case cleanup
    }

    /// The point in the run.
    public var point: Point
    /// The compiler it is for, `nil` in a comparison of commands.
    public var compiler: Compiler?
    /// The batch about to run, or just run (`prepare` and `conclude` only).
    public var strategy: Strategy?
    /// The probe of a one-probe batch (`prepare` and `conclude`), or of a probe's own hook.
    public var probe: ByteString?
    /// Whether the batch is timed (`prepare` and `conclude` only).
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
