import BenchCore
import CLua

/// The Lua side of a run: one Lua state with the `bench` module, used from one thread only,
/// its references (hooks, reporters) and the exit a script asked for; what the run keeps (its
/// directory, files, compilers, measurements, document) is its `run`.
public final class ScriptHost {
    /// The configuration given by the command line.
    public let configuration: RunConfiguration
    /// The run the script drives: every measurement it made is there, by `bench.measure` or as
    /// the script's returned table.
    public let run: RunContext
    let lua = LuaState()
    /// Makes every executor of the run, the scenarios' and `bench.run`'s: under `--dry-run`,
    /// ones that print each job instead of running it.
    private let makeExecutor: @Sendable (Strategy, ConcurrencyLimit) -> any Executor
    private var reporters: [String: Int32] = [:]
    /// Set by `os.exit` and `bench.fail` before they raise the host's sentinel.
    var exitRequest: (code: Int32, message: String?)?

    /// Creates the Lua state and installs the `bench` module.
    public init(configuration: RunConfiguration) {
        self.configuration = configuration
        run = RunContext(
            cleanup: configuration.cleanup, cancellation: configuration.cancellation, version: configuration.version,
            commandLine: configuration.commandLine, dryRun: configuration.options.dryRun)
        let (workerCommand, cancellation) = (configuration.workerCommand, configuration.cancellation)
        let dryRun = configuration.options.dryRun ? Self.writer(configuration.output) : nil
        makeExecutor = { strategy, limit in
            Executors.make(strategy, limit: limit, workerCommand: workerCommand, cancellation: cancellation, dryRun: dryRun)
        }
        BenchModule.install(in: lua.stack, host: self)
        if let cancellation = configuration.cancellation { bench_lua_watch_interrupts(lua.L, cancellation.descriptor) }
    }

    /// True once the run was interrupted.
    public var isInterrupted: Bool { run.isInterrupted }

    /// `job` with the command line's defaults for what it leaves open (`--timeout`).
    func withDefaults(_ job: Job) -> Job {
        var job = job
        if job.timeout == nil { job.timeout = configuration.options.overrides.defaultTimeout }
        return job
    }

    /// An executor for `strategy` that stops when the run is interrupted.
    func executor(_ strategy: Strategy, limit: ConcurrencyLimit) -> any Executor { makeExecutor(strategy, limit) }

    /// Runs `job` on its own through the run's serial executor, announced as `what`: what
    /// `Spawn.run` does, and under `--dry-run` the job printed instead (`bench.spawn`,
    /// `bench.floor`, a compiler's version).
    func runAlone(_ job: Job, _ what: String) throws(BenchError) -> JobResult {
        let serial = executor(.serial, limit: .limited(1))
        serial.announce(what)
        return try serial.execute([job], progress: nil).results[0]
    }

    /// Runs a script file, or `source` under the name `path` when given (a recipe `bench time`
    /// wrote). A returned table becomes a scenario; errors of any kind become a `ScriptError`
    /// whose message starts with the script's file and line.
    public func run(script path: ByteString, source given: ByteString? = nil) throws(ScriptError) -> ScriptOutcome {
        let stack = lua.stack
        defer { lua_settop(stack.L, 0) }
        // Read once: what runs is what was hashed, even from a pipe (`bench run /dev/stdin`).
        let source: ByteString
        if let given {
            source = given
        } else {
            do { source = try FileContents.read(path) } catch { throw ScriptError(message: error.description) }
        }
        run.recipe = Recipe(path: path, contents: source)
        run.parameters = RecipeParameters(recipe: Recipe.name(of: path), definitions: configuration.options.definitions)
        addToModulePath(directoryOf: path)
        let count: Int32
        do {
            count = try lua.runScript(source, path: path)
        } catch {
            if let exit = exitRequest { return .exit(exit.code, message: exit.message) }
            throw ScriptError(message: error.description)
        }
        if let exit = exitRequest { return .exit(exit.code, message: exit.message) }
        do { try run.parameters.check() } catch { throw ScriptError(message: error.description) }
        guard count > 0, lua_type(stack.L, -count) != LUA_TNIL else { return .finished }
        lua_settop(stack.L, -count)  // keep the first returned value only
        guard lua_type(stack.L, -1) == LUA_TTABLE else {
            throw ScriptError(message: "\(path.text): the script returned a \(stack.typeName(at: -1)); return a scenario table, or nothing")
        }
        do {
            let (scenario, report) = try stack.scenario(
                at: -1, arg: 0, defaultName: Recipe.name(of: path), defaultDescription: run.recipe?.summary, keep: keep)
            return .scenario(scenario, report: report)
        } catch {
            switch error {
            case .argument(_, let detail), .message(let detail): throw ScriptError(message: "\(path.text): scenario: \(detail)")
            case .value: throw ScriptError(message: "\(path.text): scenario: \(lua.popString())")
            }
        }
    }

    /// Keeps the function on top of the stack (popping it) and returns its registry reference.
    func keep() -> Int32 { luaL_ref(lua.L, bench_lua_registryindex()) }

    /// `declared` with the command line's choices over its own, checked: what `measure` runs.
    func runnable(_ declared: Scenario) throws(BenchError) -> ValidatedScenario {
        try ValidatedScenario(declared.applying(configuration.options.overrides))
    }

    /// Measures `scenario` with the command line's choices over its own, and keeps the result
    /// for the run's report. Under `--dry-run` it prints every job of one round and returns a
    /// measurement without runs, which the run does not keep.
    public func measure(_ declared: Scenario) throws(BenchError) -> Measurement {
        try measure(runnable(declared))
    }

    /// Measures a scenario already made runnable (`runnable`), as `measure(_:)` does.
    func measure(_ validated: ValidatedScenario) throws(BenchError) -> Measurement {
        var found: [Compiler] = []
        for name in validated.scenario.compilers { found.append(try compiler(name)) }
        let runner = ScenarioRunner(
            progress: configuration.progress, cancellation: configuration.cancellation, cleanup: configuration.cleanup,
            makeExecutor: makeExecutor)
        let measurement = try run.withFiles { files throws(BenchError) in
            try runner.run(validated, compilers: found, files: &files) { reference, event throws(BenchError) in try callHook(reference, event) }
        }
        run.record(measurement)
        return measurement
    }

    /// Calls a hook function of the script's with the event as a table `{point=, compiler=,
    /// strategy=, probe=, timed=}`; its error stops the measurement.
    private func callHook(_ reference: Int32, _ event: HookEvent) throws(BenchError) {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        let L = lua.L
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lua_rawgeti(L, bench_lua_registryindex(), lua_Integer(reference))
        lua_createtable(L, 0, 5)
        lua.stack.push(event.point.rawValue); lua.stack.setField(-2, "point")
        if let c = event.compiler { lua.stack.push(c); lua.stack.setField(-2, "compiler") }
        if let s = event.strategy { lua.stack.push(s.rawValue); lua.stack.setField(-2, "strategy") }
        if let p = event.probe { lua.stack.push(p); lua.stack.setField(-2, "probe") }
        lua.stack.push(event.timed); lua.stack.setField(-2, "timed")
        do {
            try lua.call(arguments: 1, results: 0)
        } catch {
            if exitRequest != nil { throw .interrupted }
            throw .hookFailed("the \(event.point.rawValue) function failed: \(error.description)")
        }
        if exitRequest != nil { throw .interrupted }
    }

    /// The exit the script asked for with `os.exit` or `bench.fail`, once it has.
    public var requestedExit: (code: Int32, message: String?)? { exitRequest }

    /// The names of the reporters the script registered with `bench.reporter`, sorted.
    public var reporterNames: [String] { reporters.keys.sorted() }

    /// Records a reporter function (a registry reference); a second one of the same name replaces the first.
    func register(reporter name: String, reference: Int32) {
        if let old = reporters[name] { luaL_unref(lua.L, bench_lua_registryindex(), old) }
        reporters[name] = reference
    }

    /// Calls a Lua reporter with the result document as a table. A reporter returns a string or
    /// nothing; anything else is an error naming it.
    public func report(_ document: JSONValue, reporter: Reporter) throws(ScriptError) -> ReportOutcome {
        let name: String?
        let found: Int32?
        switch reporter {
        case .named(let n): (name, found) = (n, reporters[n])
        case .function(let reference): (name, found) = (nil, reference)
        }
        guard let ref = found else { return .text(nil) }
        // An interrupted run still reports what it measured: the reporter must not be stopped too.
        if isInterrupted { bench_lua_watch_interrupts(lua.L, -1) }
        let stack = lua.stack
        defer { lua_settop(stack.L, 0) }
        lua_rawgeti(stack.L, bench_lua_registryindex(), lua_Integer(ref))
        stack.push(document)
        do {
            try lua.call(arguments: 1, results: 1)
        } catch {
            if let exit = exitRequest { return .exit(exit.code, message: exit.message) }
            throw ScriptError(message: error.description)
        }
        if let exit = exitRequest { return .exit(exit.code, message: exit.message) }
        switch lua_type(stack.L, -1) {
        case LUA_TNIL, LUA_TNONE: return .text(nil)
        case LUA_TSTRING: return .text(stack.bytes(at: -1))
        default:
            let who = name.map { "reporter '\(TerminalText.line($0))'" } ?? "the scenario's report function"
            throw ScriptError(message: "\(who) returned a \(stack.typeName(at: -1)); a reporter returns a string or nil")
        }
    }

    /// Kills what the last batch's jobs left running in sessions of their own (daemons).
    func sweep() { configuration.cleanup?.sweep() }

    /// Closes the Lua state now, running the finalizers that are still pending, so that what
    /// they do (even a batch) happens before the run's exit status is decided.
    public func closeLua() { lua.close() }

    /// Writes a line of the script's output (its `print`, `--dry-run`'s commands) where the
    /// configuration sends it.
    func write(_ line: String) { Self.writer(configuration.output)(line) }

    /// What writes a line of the script's output: `output`, else stdout.
    private static func writer(_ output: (@Sendable (String) -> Void)?) -> @Sendable (String) -> Void {
        output ?? { Console.out($0) }
    }

    /// Declares a parameter of the recipe and answers its value in this run.
    func declare(_ parameter: RecipeParameter) throws(BenchError) -> ParameterValue {
        try run.parameters.declare(parameter)
    }

    /// Judges the `-D` values, once, before the recipe's first job: every parameter it takes
    /// must be declared by then.
    func checkParameters() throws(BenchError) { try run.parameters.check() }

    /// A compiler by name, asked for its version once per run (under `--dry-run`, found but
    /// not asked, and the question printed by the dry run's executor).
    func compiler(_ name: ByteString) throws(BenchError) -> Compiler {
        try run.compiler(name) { job throws(BenchError) in _ = try runAlone(job, "bench.compiler: the version of \(name.text)") }
    }

    /// `probe`'s compile job with `compiler`, through the one job builder (`bench.compile`).
    func compileJob(_ probe: Probe, compiler: Compiler, timeout: Double?) throws(BenchError) -> Job {
        try run.withFiles { files throws(BenchError) in
            try ProbeJob.make(
                probe, compiler: compiler, flags: [], ext: nil, launcher: configuration.options.overrides.launcher ?? [], timeout: timeout,
                files: &files)
        }
    }

    /// Lets `require` find modules beside the script and in its `lib/`, then in the `lib/` of
    /// each recipe folder on the path, then where `LUA_PATH` says, whatever the working directory.
    private func addToModulePath(directoryOf path: ByteString) {
        let directory = path.directoryPath
        // swift-format-ignore: AlwaysUseLowerCamelCase
        let L = lua.L
        lua_getglobal(L, "package")
        let old = lua.stack.pushField(-1, "path") == LUA_TSTRING ? lua.stack.bytes(at: -1) ?? "" : ""
        bench_lua_pop(L, 1)
        let own: [ByteString] = [directory + "/?.lua", directory + "/?/init.lua"] + RecipePath(folders: [directory]).modulePatterns
        let patterns = (own + configuration.recipePath.modulePatterns).uniqued()
        lua.stack.push(patterns.reduce(ByteString([])) { $0 + $1 + ";" } + old)
        lua.stack.setField(-2, "path")
        bench_lua_pop(L, 1)
    }
}
