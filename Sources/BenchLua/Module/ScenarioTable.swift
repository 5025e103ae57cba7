import BenchCore
import CLua

/// The Lua shape of a declarative scenario, the table a script may return:
///
///     return { name = "c", compilers = { "gcc" }, probes = { { name = "m", source = "int main(){}" } },
///              ext = ".c", flags = { "-O2" }, repeats = 4, strategies = { "async", "serial" },
///              jobs = 2, report = "study" }
enum ScenarioTable {
    /// The fields a scenario table may have.
    static let fields = ["name", "description", "compilers", "probes", "ext", "flags", "repeats", "strategies", "jobs", "report"]
    /// The built-in report formats.
    static let formats = ["study"]
}

extension LuaStack {
    /// Reads the scenario table at `index`; errors read "field 'x': what is wrong".
    func scenario(at index: Int32, defaultName: String) throws(BenchError) -> (Scenario, ReportChoice) {
        let t = lua_absindex(L, index)
        lua_pushnil(L)
        while lua_next(L, t) != 0 {
            bench_lua_pop(L, 1)
            guard let key = string(at: -1), ScenarioTable.fields.contains(key) else {
                let key = string(at: -1).map { "'\($0)'" } ?? "of type \(typeName(at: -1))"
                bench_lua_pop(L, 1)
                throw .invalidValue("field \(key) is not a scenario field (valid: \(ScenarioTable.fields.joined(separator: ", ")))")
            }
        }
        var scenario = Scenario(name: defaultName, compilers: [], probes: [])
        if let name = try text(t, "name") { scenario.name = name }
        scenario.description = try text(t, "description")
        scenario.compilers = try words(t, "compilers") ?? []
        scenario.probes = try probes(t)
        scenario.ext = try text(t, "ext")
        scenario.flags = try words(t, "flags") ?? []
        if pushField(t, "repeats") != LUA_TNIL {
            guard let n = integer(at: -1), n >= 1 else {
                defer { bench_lua_pop(L, 1) }
                throw .invalidValue("field 'repeats': positive integer expected, got \(scalarString(at: -1) ?? typeName(at: -1))")
            }
            scenario.repeats = n
        }
        bench_lua_pop(L, 1)
        if let names = try words(t, "strategies") {
            scenario.strategies = []
            for name in names {
                do { scenario.strategies.append(try Strategy.parse(name)) } catch { throw .invalidValue("field 'strategies': \(error)") }
            }
        }
        if pushField(t, "jobs") != LUA_TNIL {
            defer { bench_lua_pop(L, 1) }
            do { scenario.concurrency = try ConcurrencyLimit.parse(scalarString(at: -1) ?? typeName(at: -1)) } catch {
                throw .invalidValue("field 'jobs': \(error)")
            }
        } else {
            bench_lua_pop(L, 1)
        }
        var report = ReportChoice.builtin("study")
        switch pushField(t, "report") {
        case LUA_TNIL: break
        case LUA_TFUNCTION: report = .luaFunction
        case LUA_TSTRING:
            let name = string(at: -1)!
            guard ScenarioTable.formats.contains(name) else {
                bench_lua_pop(L, 1)
                throw .invalidValue("field 'report': unknown format '\(name)' (valid: \(ScenarioTable.formats.joined(separator: ", ")), or a function)")
            }
            report = .builtin(name)
        default:
            defer { bench_lua_pop(L, 1) }
            throw .invalidValue("field 'report': format name or function expected, got \(typeName(at: -1))")
        }
        bench_lua_pop(L, 1)
        return (scenario, report)
    }

    private func text(_ t: Int32, _ name: String) throws(BenchError) -> String? {
        let type = pushField(t, name)
        defer { bench_lua_pop(L, 1) }
        if type == LUA_TNIL { return nil }
        guard let s = string(at: -1) else { throw .invalidValue("field '\(name)': string expected, got \(typeName(at: -1))") }
        return s
    }

    /// A list of strings, or one string standing for a list of one (or comma-separated names).
    private func words(_ t: Int32, _ name: String) throws(BenchError) -> [String]? {
        let type = pushField(t, name)
        defer { bench_lua_pop(L, 1) }
        if type == LUA_TNIL { return nil }
        if let s = string(at: -1) { return s.split(separator: ",").map { String($0) } }
        guard type == LUA_TTABLE else { throw .invalidValue("field '\(name)': list of strings expected, got \(typeName(at: -1))") }
        var list: [String] = []
        for i in stride(from: 1, through: rawLength(-1), by: 1) {
            lua_rawgeti(L, -1, lua_Integer(i))
            defer { bench_lua_pop(L, 1) }
            guard let word = scalarString(at: -1) else {
                throw .invalidValue("field '\(name)'[\(i)]: string expected, got \(typeName(at: -1))")
            }
            list.append(word)
        }
        return list
    }

    /// Probes as a list of `{name=, source=}` (kept in order) or a map name → source (sorted by name).
    private func probes(_ t: Int32) throws(BenchError) -> [Probe] {
        let type = pushField(t, "probes")
        defer { bench_lua_pop(L, 1) }
        if type == LUA_TNIL { return [] }
        guard type == LUA_TTABLE else { throw .invalidValue("field 'probes': table expected, got \(typeName(at: -1))") }
        let p = lua_gettop(L)
        let count = rawLength(p)
        var probes: [Probe] = []
        if count > 0 {
            for i in 1...count {
                lua_rawgeti(L, p, lua_Integer(i))
                defer { bench_lua_pop(L, 1) }
                guard lua_type(L, -1) == LUA_TTABLE else {
                    throw .invalidValue("field 'probes'[\(i)]: {name=, source=} table expected, got \(typeName(at: -1))")
                }
                guard let name = try text(-1, "name"), let source = try text(-1, "source") else {
                    throw .invalidValue("field 'probes'[\(i)]: needs both name and source")
                }
                probes.append(Probe(name: name, source: source))
            }
        } else {
            lua_pushnil(L)
            while lua_next(L, p) != 0 {
                defer { bench_lua_pop(L, 1) }
                guard let name = string(at: -2), let source = string(at: -1) else {
                    throw .invalidValue("field 'probes': a map from probe name to source text expected")
                }
                probes.append(Probe(name: name, source: source))
            }
            probes.sort { $0.name < $1.name }
        }
        for probe in probes where probe.name.isEmpty || probe.name.contains("/") || probe.name.utf8.contains(0) {
            throw .invalidValue("field 'probes': '\(probe.name)' is not a plain file name")
        }
        return probes
    }

    /// Pushes a scenario's results: `{scenario=, compilers=, runs={...}, disagreements={...}}`,
    /// each run `{strategy, compiler, concurrency, wall, failed, probes={{name, ok, message}}, results}`.
    func push(_ result: ScenarioResult) {
        lua_createtable(L, 0, 4)
        lua_createtable(L, 0, 4)
        push(result.scenario.name); setField(-2, "name")
        if let d = result.scenario.description { push(d); setField(-2, "description") }
        push(result.scenario.repeats); setField(-2, "repeats")
        push(result.scenario.probes.count); setField(-2, "probes")
        setField(-2, "scenario")
        lua_createtable(L, Int32(result.compilers.count), 0)
        for (i, c) in result.compilers.enumerated() { push(c); setIndex(-2, i + 1) }
        setField(-2, "compilers")
        lua_createtable(L, Int32(result.runs.count), 0)
        for (i, run) in result.runs.enumerated() {
            lua_createtable(L, 0, 7)
            push(run.strategy.rawValue); setField(-2, "strategy")
            push(run.compiler); setField(-2, "compiler")
            push(run.concurrency); setField(-2, "concurrency")
            push(run.wall); setField(-2, "wall")
            push(run.results.filter { !$0.ok }.count); setField(-2, "failed")
            lua_createtable(L, Int32(run.probes.count), 0)
            for (j, probe) in run.probes.enumerated() {
                lua_createtable(L, 0, 3)
                push(probe.name); setField(-2, "name")
                push(probe.ok); setField(-2, "ok")
                push(probe.message); setField(-2, "message")
                setIndex(-2, j + 1)
            }
            setField(-2, "probes")
            lua_createtable(L, Int32(run.results.count), 0)
            for (j, r) in run.results.enumerated() { push(r); setIndex(-2, j + 1) }
            setField(-2, "results")
            setIndex(-2, i + 1)
        }
        setField(-2, "runs")
        pushArray(result.disagreements)
        setField(-2, "disagreements")
    }
}
