import BenchCore
import CLua

/// The Lua shape of a scenario, the table a script returns or gives to `bench.measure`:
///
///     { name = "c", compilers = { "gcc" }, flags = { "-O2" }, repeats = 4, batch = "all",
///       probes = { { name = "m", source = "int main(){}", libs = { "-lm" } } },
///       strategies = { "async", "serial" }, concurrency = 2, report = "study" }
enum ScenarioTable {
    /// The fields a scenario table may have.
    static let fields = [
        "name", "description", "compilers", "probes", "ext", "flags", "launcher", "env", "repeats", "batch", "strategies", "concurrency", "runs",
        "warmup", "timeout", "ignore_failure", "setup", "prepare", "cleanup", "report",
    ]
    /// The fields a probe table may have.
    static let probeFields = ["name", "source", "flags", "libs", "ext", "command", "expected", "launcher"]
}

extension LuaStack {
    /// Reads the scenario table at `index` (argument `arg` of the current call, or 0 for a
    /// returned table); `keep` takes each hook function (on top of the stack) and returns its
    /// reference; `defaultDescription` stands for an absent `description`. Every field is checked and unknown ones are refused, in the job reader's words.
    func scenario(
        at index: Int32, arg: Int32, defaultName: String, defaultDescription: String? = nil, keep: () -> Int32
    ) throws(LuaCallError) -> (Scenario, ReportChoice) {
        let t = lua_absindex(L, index)
        guard lua_type(L, t) == LUA_TTABLE else { throw typeError(arg, "scenario table", at: t) }
        try checkKeys(t, arg: arg, allowed: ScenarioTable.fields, sequence: 0, label: "")
        var scenario = Scenario(name: defaultName, compilers: [], probes: [])
        if let name = try bytesField(t, "name", arg: arg, label: "") { scenario.name = name.text }
        scenario.description = try bytesField(t, "description", arg: arg, label: "")?.text ?? defaultDescription
        scenario.compilers = try stringList(t, "compilers", arg: arg)
        scenario.probes = try probes(t, arg: arg)
        scenario.ext = try extField(t, arg: arg, label: "")
        scenario.flags = try stringList(t, "flags", arg: arg)
        scenario.launcher = try launcherField(t, arg: arg, label: "") ?? []
        if pushField(t, "env") != LUA_TNIL {
            defer { bench_lua_pop(L, 1) }
            scenario.environment = try environment(at: -1, arg: arg, label: "")
        } else {
            bench_lua_pop(L, 1)
        }
        if let n = try count(t, "repeats", in: Limits.repeats, arg: arg) { scenario.repeats = n }
        if let n = try count(t, "runs", in: Limits.runs, arg: arg) { scenario.runs = n }
        if let n = try count(t, "warmup", in: Limits.warmup, arg: arg) { scenario.warmup = n }
        scenario.timeout = try timeoutField(t, arg: arg, label: "")
        scenario.ignoreFailure = try field(t, "ignore_failure", arg: arg, label: "", expected: "boolean") {
            lua_type(L, -1) == LUA_TBOOLEAN ? lua_toboolean(L, -1) != 0 : nil
        } ?? false
        let batchName = try stringField(t, "batch", arg: arg, label: "")
        if let batchName {
            guard let batch = BatchShape(rawValue: batchName) else {
                throw .argument(arg, "batch: '\(TerminalText.line(batchName))' is not a batch shape (valid: \(BatchShape.validNames))")
            }
            scenario.batch = batch
        } else {
            scenario.batch = scenario.compilers.isEmpty ? .probe : .all
        }
        let given = pushField(t, "strategies") != LUA_TNIL
        bench_lua_pop(L, 1)
        if given {
            scenario.strategies = []
            for word in try stringList(t, "strategies", arg: arg) {
                for name in word.text.split(separator: ",", omittingEmptySubsequences: false) {
                    do { scenario.strategies.append(try Strategy.parse(String(name))) } catch { throw .argument(arg, "strategies: \(error)") }
                }
            }
        }
        let levels = try stringList(t, "concurrency", arg: arg)
        if !levels.isEmpty {
            do { scenario.concurrency = try ConcurrencyLimit.parseList(levels.map(\.text).joined(separator: ",")) } catch {
                throw .argument(arg, "concurrency: \(error)")
            }
        }
        scenario.hooks = ScenarioHooks(
            setup: try hook(t, "setup", arg: arg, keep: keep), prepare: try hook(t, "prepare", arg: arg, keep: keep),
            cleanup: try hook(t, "cleanup", arg: arg, keep: keep))
        var report = ReportChoice.unspecified
        switch pushField(t, "report") {
        case LUA_TNIL: bench_lua_pop(L, 1)
        case LUA_TFUNCTION: report = .function(keep())
        case LUA_TSTRING:
            report = .named(string(at: -1)!)
            bench_lua_pop(L, 1)
        default:
            defer { bench_lua_pop(L, 1) }
            throw .argument(arg, "report: format name or function expected, got \(typeName(at: -1))")
        }
        return (scenario, report)
    }

    /// A whole number in `range`, or `nil` when absent.
    private func count(_ t: Int32, _ name: String, in range: ClosedRange<Int>, arg: Int32) throws(LuaCallError) -> Int? {
        try field(t, name, arg: arg, label: "", expected: "whole number from \(range.lowerBound) to \(range.upperBound)") {
            integer(at: -1).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    /// An `ext` field: a file name ending, or `nil` when absent.
    private func extField(_ t: Int32, arg: Int32, label: String) throws(LuaCallError) -> ByteString? {
        guard let ext = try bytesField(t, "ext", arg: arg, label: label) else { return nil }
        if let problem = ProbeJob.problem(withExt: ext) { throw .argument(arg, "\(label.isEmpty ? "" : label + ".")ext: \(problem)") }
        return ext
    }

    /// A hook: a function (kept by `keep`) or a job table.
    private func hook(_ t: Int32, _ name: String, arg: Int32, keep: () -> Int32) throws(LuaCallError) -> ScenarioHook? {
        switch pushField(t, name) {
        case LUA_TNIL:
            bench_lua_pop(L, 1)
            return nil
        case LUA_TFUNCTION:
            return .function(keep())
        case LUA_TTABLE:
            defer { bench_lua_pop(L, 1) }
            return .job(try job(at: -1, arg: arg, label: name))
        default:
            defer { bench_lua_pop(L, 1) }
            throw .argument(arg, "\(name): function or job table expected, got \(typeName(at: -1))")
        }
    }

    /// Probes as a list of probe tables (kept in order) or a map name → source (sorted by name).
    private func probes(_ t: Int32, arg: Int32) throws(LuaCallError) -> [Probe] {
        let type = pushField(t, "probes")
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
                probes.append(try probe(at: -1, arg: arg, label: "probes[\(i)]"))
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
    func launcherField(_ t: Int32, arg: Int32, label: String) throws(LuaCallError) -> [ByteString]? {
        let given = pushField(t, "launcher") != LUA_TNIL
        bench_lua_pop(L, 1)
        guard given else { return nil }
        let launcher = try stringList(t, "launcher", arg: arg, label: label)
        do { try Launcher.check(launcher) } catch { throw .argument(arg, "\(label.isEmpty ? "" : label + ".")launcher: \(error)") }
        return launcher
    }

    /// One probe table: `{ name=, source=, flags=, libs=, ext=, command=, expected=, launcher= }`.
    private func probe(at index: Int32, arg: Int32, label: String) throws(LuaCallError) -> Probe {
        let t = lua_absindex(L, index)
        guard lua_type(L, t) == LUA_TTABLE else { throw .argument(arg, "\(label): probe table expected, got \(typeName(at: t))") }
        try checkKeys(t, arg: arg, allowed: ScenarioTable.probeFields, sequence: 0, label: label)
        guard let name = try bytesField(t, "name", arg: arg, label: label) else { throw .argument(arg, "\(label).name: string expected, got nil") }
        if let problem = Probe.problem(withName: name) { throw .argument(arg, "\(label).name: \(problem)") }
        let command: [ByteString]? = pushField(t, "command") == LUA_TNIL ? nil : []
        bench_lua_pop(L, 1)
        let probe = Probe(
            name: name, source: try bytesField(t, "source", arg: arg, label: label),
            flags: try stringList(t, "flags", arg: arg, label: label), libs: try stringList(t, "libs", arg: arg, label: label),
            ext: try extField(t, arg: arg, label: label), command: command == nil ? nil : try stringList(t, "command", arg: arg, label: label),
            expected: try field(t, "expected", arg: arg, label: label, expected: "boolean") {
                lua_type(L, -1) == LUA_TBOOLEAN ? lua_toboolean(L, -1) != 0 : nil
            },
            launcher: try launcherField(t, arg: arg, label: label))
        if probe.command?.isEmpty == true { throw .argument(arg, "\(label).command: the command is empty") }
        return probe
    }
}
