import BenchCore
import CLua

extension LuaStack {
    /// Reads the scenario table at `index` (argument `arg` of the current call, or 0 for a
    /// returned table), the table a script returns or gives to `bench.measure`:
    ///
    ///     { name = "c", compilers = { "gcc" }, flags = { "-O2" }, repeats = 4, batch = "all",
    ///       probes = { { name = "m", source = "int main(){}", libs = { "-lm" } } },
    ///       strategies = { "async", "serial" }, concurrency = 2, report = "study" }
    ///
    /// `keep` takes each hook function (on top of the stack) and returns its reference;
    /// `defaultDescription` stands for an absent `description`. Every field is checked and
    /// unknown ones are refused, in the job reader's words.
    func scenario(
        at index: Int32, arg: Int32, defaultName: String, defaultDescription: String? = nil, keep: () -> Int32
    ) throws(LuaCallError) -> (Scenario, ReportChoice) {
        var t = try LuaTableReader(self, at: index, arg: arg, expected: "scenario table")
        var scenario = Scenario(name: defaultName, compilers: [], probes: [])
        if let name = try t.bytes("name") { scenario.name = name.text }
        scenario.description = try t.bytes("description")?.text ?? defaultDescription
        scenario.compilers = try t.stringList("compilers")
        scenario.probes = try probes(&t, keep: keep)
        scenario.ext = try ext(&t)
        scenario.flags = try t.stringList("flags")
        scenario.launcher = try launcher(&t) ?? []
        scenario.environment = try t.environment()
        if let n = try t.integer("repeats", in: Limits.repeats) { scenario.repeats = n }
        try shape(&t, of: &scenario)
        if let n = try t.integer("runs", in: Limits.runs) { scenario.runs = n }
        if let n = try t.integer("warmup", in: Limits.warmup) { scenario.warmup = n }
        scenario.timeout = try t.timeout()
        scenario.ignoreFailure = try t.bool("ignore_failure") ?? false
        scenario.discardsOutput = try t.bool("discard_output") ?? false
        scenario.recording = try recordedStep(&t)
        scenario.showsStudyLines = try t.bool("study_lines") ?? false
        try measuring(&t, into: &scenario)
        scenario.hooks = try hooks(&t, keep: keep)
        var report = ReportChoice.unspecified
        switch t.push("report") {
        case LUA_TNIL: bench_lua_pop(L, 1)
        case LUA_TFUNCTION: report = .function(keep())
        case LUA_TSTRING:
            report = .named(string(at: -1)!)
            bench_lua_pop(L, 1)
        default:
            defer { bench_lua_pop(L, 1) }
            throw .argument(arg, "report: format name or function expected, got \(typeName(at: -1))")
        }
        try t.finish()
        return (scenario, report)
    }

    /// How the scenario's batches are made and run: `batch`, `strategies` and `concurrency`.
    private func shape(_ t: inout LuaTableReader, of scenario: inout Scenario) throws(LuaCallError) {
        if let batchName = try t.string("batch") {
            guard let batch = BatchShape(rawValue: batchName) else {
                throw .argument(t.arg, "batch: '\(TerminalText.line(batchName))' is not a batch shape (valid: \(BatchShape.validNames))")
            }
            scenario.batch = batch
        } else {
            scenario.batch = scenario.compilers.isEmpty ? .probe : .all
        }
        if t.has("strategies") {
            scenario.strategies = []
            for word in try t.stringList("strategies") {
                for name in word.text.split(separator: ",", omittingEmptySubsequences: false) {
                    do { scenario.strategies.append(try Strategy.parse(String(name))) } catch { throw .argument(t.arg, "strategies: \(error)") }
                }
            }
        }
        let levels = try t.stringList("concurrency")
        if !levels.isEmpty {
            do { scenario.concurrency = try ConcurrencyLimit.parseList(levels.map(\.text).joined(separator: ",")) } catch {
                throw .argument(t.arg, "concurrency: \(error)")
            }
        }
    }

    /// What hyperfine's way of measuring adds: `stop_on_failure`, `min_time`, `max_runs`,
    /// `relative_to` (the probe the others are compared with), `randomized_environment_offset`
    /// and `overhead` (a command, as a list of words, whose time is subtracted from every job's).
    private func measuring(_ t: inout LuaTableReader, into scenario: inout Scenario) throws(LuaCallError) {
        scenario.stopOnFailure = try t.bool("stop_on_failure") ?? false
        scenario.minTime = try t.seconds("min_time")
        scenario.maxRuns = try t.integer("max_runs", in: Limits.runs)
        scenario.relativeTo = try t.bytes("relative_to")
        scenario.randomizesEnvironmentOffset = try t.bool("randomized_environment_offset") ?? false
        if t.has("overhead") {
            let overhead = try t.stringList("overhead")
            if overhead.isEmpty { throw .argument(t.arg, "overhead: the command is empty") }
            scenario.overhead = overhead
        }
    }

    /// An `ext` field: a file name ending, or `nil` when absent.
    private func ext(_ t: inout LuaTableReader) throws(LuaCallError) -> ByteString? {
        guard let ext = try t.bytes("ext") else { return nil }
        if let problem = ProbeJob.problem(withExt: ext) { throw .argument(t.arg, "\(t.path("ext")): \(problem)") }
        return ext
    }

    /// The hooks of a scenario or a probe: `setup`, `prepare`, `conclude` and `cleanup`.
    private func hooks(_ t: inout LuaTableReader, keep: () -> Int32) throws(LuaCallError) -> ScenarioHooks {
        ScenarioHooks(
            setup: try hook(&t, "setup", keep: keep), prepare: try hook(&t, "prepare", keep: keep),
            conclude: try hook(&t, "conclude", keep: keep), cleanup: try hook(&t, "cleanup", keep: keep))
    }

    /// A hook: a function (kept by `keep`) or a job table.
    private func hook(_ t: inout LuaTableReader, _ name: String, keep: () -> Int32) throws(LuaCallError) -> ScenarioHook? {
        switch t.push(name) {
        case LUA_TNIL:
            bench_lua_pop(L, 1)
            return nil
        case LUA_TFUNCTION:
            return .function(keep())
        case LUA_TTABLE:
            defer { bench_lua_pop(L, 1) }
            return .job(try job(at: -1, arg: t.arg, label: t.path(name)))
        default:
            defer { bench_lua_pop(L, 1) }
            throw .argument(t.arg, "\(t.path(name)): function or job table expected, got \(typeName(at: -1))")
        }
    }

    /// Probes as a list of probe tables (kept in order) or a map name → source (sorted by name).
    private func probes(_ t: inout LuaTableReader, keep: () -> Int32) throws(LuaCallError) -> [Probe] {
        let arg = t.arg
        let type = t.push("probes")
        defer { bench_lua_pop(L, 1) }
        if type == LUA_TNIL { return [] }
        guard type == LUA_TTABLE else { throw .argument(arg, "probes: table expected, got \(typeName(at: -1))") }
        let p = lua_gettop(L)
        let count = rawLength(p)
        var probes: [Probe] = []
        if count > 0 {
            try checkKeys(p, arg: arg, allowed: [], sequence: count, label: "probes")
            for i in 1...count {
                lua_rawgeti(L, p, lua_Integer(i))
                defer { bench_lua_pop(L, 1) }
                probes.append(try probe(at: -1, arg: arg, label: "probes[\(i)]", keep: keep))
            }
        } else {
            lua_pushnil(L)
            while lua_next(L, p) != 0 {
                defer { bench_lua_pop(L, 1) }
                guard let name = bytes(at: -2), let source = bytes(at: -1) else {
                    throw .argument(arg, "probes: a list of probe tables, or a map of name to source string, expected")
                }
                if let problem = Probe.problem(withName: name) { throw .argument(arg, "probes: \(problem)") }
                probes.append(Probe(name: name, source: source))
            }
            probes.sort { $0.name < $1.name }
        }
        return probes
    }

    /// A `launcher` field (`"ccache"`, or `{ "distcc", "-v" }`): `nil` when absent, `[]` for an
    /// empty list (no launcher, whatever the scenario's).
    func launcher(_ t: inout LuaTableReader) throws(LuaCallError) -> [ByteString]? {
        guard t.has("launcher") else { return nil }
        let launcher = try t.stringList("launcher")
        do { try Launcher.check(launcher) } catch { throw .argument(t.arg, "\(t.path("launcher")): \(error)") }
        return launcher
    }

    /// What a probe and `bench.compile` share, read from `t`: `source`, `flags`, `libs`, `ext`
    /// and `launcher`, as a probe named `name`.
    func compileFields(_ t: inout LuaTableReader, name: ByteString) throws(LuaCallError) -> Probe {
        Probe(
            name: name, source: try t.bytes("source"), flags: try t.stringList("flags"), libs: try t.stringList("libs"), ext: try ext(&t),
            launcher: try launcher(&t))
    }

    /// One probe table: `{ name=, source=, flags=, libs=, ext=, command=, expected=, launcher=,
    /// files=, cwd=, stdin=, stdin_file=, env=, setup=, prepare=, conclude=, cleanup=, parameters= }`.
    private func probe(at index: Int32, arg: Int32, label: String, keep: () -> Int32) throws(LuaCallError) -> Probe {
        var t = try LuaTableReader(self, at: index, arg: arg, label: label, expected: "probe table")
        guard let name = try t.bytes("name") else { throw .argument(arg, "\(label).name: string expected, got nil") }
        if let problem = Probe.problem(withName: name) { throw .argument(arg, "\(label).name: \(problem)") }
        var probe = try compileFields(&t, name: name)
        if t.has("command") {
            probe.command = try t.stringList("command")
            if probe.command?.isEmpty == true { throw .argument(arg, "\(label).command: the command is empty") }
        }
        probe.expected = try t.bool("expected")
        probe.files = try t.files("files")
        probe.workingDirectory = try t.bytes("cwd")
        probe.stdin = try t.bytes("stdin")
        probe.stdinFile = try t.bytes("stdin_file")
        try refuseBothInputs(probe.stdin, probe.stdinFile, arg: arg, label: label)
        probe.environment = try t.environment()
        probe.hooks = try hooks(&t, keep: keep)
        probe.parameters = try parameters(&t)
        try t.finish()
        return probe
    }

    /// A probe's `parameters`: a table of parameter names and their values, as text.
    private func parameters(_ t: inout LuaTableReader) throws(LuaCallError) -> [String: String] {
        let path = t.path("parameters")
        switch t.push("parameters") {
        case LUA_TNIL:
            bench_lua_pop(L, 1)
            return [:]
        case LUA_TTABLE:
            defer { bench_lua_pop(L, 1) }
            let p = lua_gettop(L)
            var parameters: [String: String] = [:]
            lua_pushnil(L)
            while lua_next(L, p) != 0 {
                defer { bench_lua_pop(L, 1) }
                guard let name = string(at: -2), !name.isEmpty, let value = scalarBytes(at: -1) else {
                    throw .argument(t.arg, "\(path): names (strings) and their values (strings or numbers) expected")
                }
                parameters[name] = value.text
            }
            return parameters
        default:
            defer { bench_lua_pop(L, 1) }
            throw .argument(t.arg, "\(path): table expected, got \(typeName(at: -1))")
        }
    }
}
