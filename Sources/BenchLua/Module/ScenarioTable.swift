import BenchCore
import CLua

/// The Lua shape of a declarative scenario, the table a script may return:
///
///     return { name = "c", compilers = { "gcc" }, probes = { { name = "m", source = "int main(){}" } },
///              ext = ".c", flags = { "-O2" }, repeats = 4, strategies = { "async", "serial" },
///              jobs = 2, report = "study" }
enum ScenarioTable {
    /// The fields a scenario table may have.
    static let fields = ["name", "description", "compilers", "probes", "ext", "flags", "repeats", "strategies", "jobs", "runs", "warmup", "timeout", "report"]
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
        scenario.ext = try bytesField(t, "ext")
        if let ext = scenario.ext, ext.containsSlash || ext.contains(0) {
            throw .invalidValue("field 'ext': a file name ending (no '/', no NUL byte) expected, got '\(TerminalText.line(ext))'")
        }
        scenario.flags = try words(t, "flags") ?? []
        if let n = try count(t, "repeats", in: Limits.repeats) { scenario.repeats = n }
        if let n = try count(t, "runs", in: Limits.runs) { scenario.runs = n }
        if let n = try count(t, "warmup", in: Limits.warmup) { scenario.warmup = n }
        switch pushField(t, "timeout") {
        case LUA_TNIL: bench_lua_pop(L, 1)
        default:
            defer { bench_lua_pop(L, 1) }
            guard let seconds = number(at: -1), Limits.isTimeout(seconds) else {
                throw .invalidValue("field 'timeout': number of seconds above 0 and at most \(Int(Limits.timeout.upperBound)) expected, got \(scalarString(at: -1) ?? typeName(at: -1))")
            }
            scenario.timeout = seconds
        }
        if let names = try words(t, "strategies")?.map(\.text) {
            scenario.strategies = []
            for name in names {
                do { scenario.strategies.append(try Strategy.parse(name)) } catch { throw .invalidValue("field 'strategies': \(error)") }
            }
        }
        if let levels = try words(t, "jobs") {
            do { scenario.concurrency = try ConcurrencyLimit.parseList(levels.map(\.text).joined(separator: ",")) } catch {
                throw .invalidValue("field 'jobs': \(error)")
            }
        }
        var report = ReportChoice.unspecified
        switch pushField(t, "report") {
        case LUA_TNIL: break
        case LUA_TFUNCTION: report = .luaFunction
        case LUA_TSTRING: report = .named(string(at: -1)!)
        default:
            defer { bench_lua_pop(L, 1) }
            throw .invalidValue("field 'report': format name or function expected, got \(typeName(at: -1))")
        }
        bench_lua_pop(L, 1)
        return (scenario, report)
    }

    /// A whole number in `range`, or `nil` when absent.
    private func count(_ t: Int32, _ name: String, in range: ClosedRange<Int>) throws(BenchError) -> Int? {
        let type = pushField(t, name)
        defer { bench_lua_pop(L, 1) }
        if type == LUA_TNIL { return nil }
        guard let n = integer(at: -1), range.contains(n) else {
            throw .invalidValue("field '\(name)': whole number from \(range.lowerBound) to \(range.upperBound) expected, got \(scalarString(at: -1) ?? typeName(at: -1))")
        }
        return n
    }

    private func bytesField(_ t: Int32, _ name: String) throws(BenchError) -> ByteString? {
        let type = pushField(t, name)
        defer { bench_lua_pop(L, 1) }
        if type == LUA_TNIL { return nil }
        guard let s = bytes(at: -1) else { throw .invalidValue("field '\(name)': string expected, got \(typeName(at: -1))") }
        return s
    }

    /// A field shown as text (a name, a description): `bytesField`, decoded for reports.
    private func text(_ t: Int32, _ name: String) throws(BenchError) -> String? { try bytesField(t, name)?.text }

    /// A list of strings, or one string standing for a list of one (or comma-separated names).
    private func words(_ t: Int32, _ name: String) throws(BenchError) -> [ByteString]? {
        let type = pushField(t, name)
        defer { bench_lua_pop(L, 1) }
        if type == LUA_TNIL { return nil }
        if type != LUA_TTABLE, let s = scalarBytes(at: -1) {
            return s.bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { ByteString(bytes: $0) }
        }
        guard type == LUA_TTABLE else { throw .invalidValue("field '\(name)': list of strings expected, got \(typeName(at: -1))") }
        var list: [ByteString] = []
        for i in stride(from: 1, through: rawLength(-1), by: 1) {
            lua_rawgeti(L, -1, lua_Integer(i))
            defer { bench_lua_pop(L, 1) }
            guard let word = scalarBytes(at: -1) else {
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
                guard let name = try bytesField(-1, "name"), let source = try bytesField(-1, "source") else {
                    throw .invalidValue("field 'probes'[\(i)]: needs both name and source")
                }
                probes.append(Probe(name: name, source: source))
            }
        } else {
            lua_pushnil(L)
            while lua_next(L, p) != 0 {
                defer { bench_lua_pop(L, 1) }
                guard let name = bytes(at: -2), let source = bytes(at: -1) else {
                    throw .invalidValue("field 'probes': a map from probe name to source text expected")
                }
                probes.append(Probe(name: name, source: source))
            }
            probes.sort { $0.name < $1.name }
        }
        for probe in probes where probe.name.isEmpty || probe.name.containsSlash || probe.name.contains(0) {
            throw .invalidValue("field 'probes': '\(TerminalText.line(probe.name))' is not a plain file name")
        }
        return probes
    }

    /// Pushes a JSON value as Lua values: objects and arrays become tables (arrays 1-based),
    /// null becomes nil, integers stay integers.
    func push(_ value: JSONValue) {
        switch value {
        case .null: lua_pushnil(L)
        case .bool(let b): push(b)
        case .int(let i): push(i)
        case .number(let d): push(d)
        case .string(let s): push(s)
        case .array(let items):
            lua_createtable(L, Int32(clamping: items.count), 0)
            for (i, item) in items.enumerated() {
                push(item)
                setIndex(-2, i + 1)
            }
        case .object(let pairs):
            lua_createtable(L, 0, Int32(clamping: pairs.count))
            for (key, item) in pairs where item != .null {
                push(item)
                setField(-2, key)
            }
        }
    }
}
