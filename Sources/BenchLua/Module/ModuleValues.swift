import BenchCore
import CLua

/// The values the `bench` module reads from and gives to Lua: the host of a call, string lists,
/// compilers and the command line's options.
extension LuaStack {
    /// Calls `body` with the script host of the current call (upvalue 2), through `call`.
    func withHost(_ body: (LuaStack, ScriptHost) throws(LuaCallError) -> Int32) -> Int32 {
        let host = context(ScriptHost.self)
        return call { () throws(LuaCallError) -> Int32 in try body(self, host) }
    }

    /// Field `name` of the table at `t` as a list of strings (numbers allowed, and one string or
    /// number standing for a list of one), byte for byte, no NUL byte in any; empty when absent.
    /// The one reader of string lists, for every `bench` function and the scenario table.
    func stringList(_ t: Int32, _ name: String, arg: Int32, label: String = "") throws(LuaCallError) -> [ByteString] {
        let type = pushField(t, name)
        defer { bench_lua_pop(L, 1) }
        let path = (label.isEmpty ? "" : label + ".") + name
        if type == LUA_TNIL { return [] }
        if type != LUA_TTABLE, let word = scalarBytes(at: -1) {
            try refuseNUL(word, path, arg: arg)
            return [word]
        }
        guard type == LUA_TTABLE else { throw .argument(arg, "\(path): list of strings expected, got \(typeName(at: -1))") }
        let count = rawLength(-1)
        try checkKeys(lua_gettop(L), arg: arg, allowed: [], sequence: count, label: path)
        var list: [ByteString] = []
        for i in stride(from: 1, through: count, by: 1) {
            lua_rawgeti(L, -1, lua_Integer(i))
            defer { bench_lua_pop(L, 1) }
            guard let word = scalarBytes(at: -1) else {
                throw .argument(arg, "\(path)[\(i)]: string expected, got \(typeName(at: -1))")
            }
            try refuseNUL(word, "\(path)[\(i)]", arg: arg)
            list.append(word)
        }
        return list
    }

    /// Pushes a compiler as `{name, path, version}`.
    func push(_ c: Compiler) {
        lua_createtable(L, 0, 3)
        push(c.name); setField(-2, "name")
        push(c.path); setField(-2, "path")
        push(c.version); setField(-2, "version")
    }

    /// Pushes the command line's choices as `bench.options`.
    func push(_ o: ScriptOptions) {
        let v = o.overrides
        lua_createtable(L, 0, 10)
        if let c = v.compiler { push(c); setField(-2, "compiler") }
        if let n = v.repeats { push(n); setField(-2, "repeats") }
        if let j = v.concurrency { push(j.map(\.description).joined(separator: ",")); setField(-2, "concurrency") }
        if let r = v.runs { push(r); setField(-2, "runs") }
        if let w = v.warmup { push(w); setField(-2, "warmup") }
        if let t = v.defaultTimeout { push(t); setField(-2, "timeout") }
        if let s = v.strategies { pushArray(s.map(\.rawValue)); setField(-2, "strategies") }
        if let f = o.format { push(f); setField(-2, "format") }
        push(o.verbose); setField(-2, "verbose")
        push(o.dryRun); setField(-2, "dry_run")
    }

    /// Pushes a JSON value as Lua values: objects and arrays become tables (arrays 1-based),
    /// null becomes nil, integers stay integers. With `decodingBytes`, an object that is only
    /// `{"base64": "..."}` (bytes that are not UTF-8, as a recording keeps them) becomes those bytes.
    func push(_ value: JSONValue, decodingBytes: Bool = false) {
        if decodingBytes, case .object(let pairs) = value, pairs.count == 1, pairs[0].0 == "base64", case .string(let text) = pairs[0].1,
            let bytes = Base64.decode(text)
        {
            return push(ByteString(bytes))
        }
        switch value {
        case .null: lua_pushnil(L)
        case .bool(let b): push(b)
        case .int(let i): push(i)
        case .number(let d): push(d)
        case .string(let s): push(s)
        case .array(let items):
            lua_createtable(L, Int32(clamping: items.count), 0)
            for (i, item) in items.enumerated() {
                push(item, decodingBytes: decodingBytes)
                setIndex(-2, i + 1)
            }
        case .object(let pairs):
            lua_createtable(L, 0, Int32(clamping: pairs.count))
            for (key, item) in pairs where item != .null {
                push(item, decodingBytes: decodingBytes)
                setField(-2, key)
            }
        }
    }
}
