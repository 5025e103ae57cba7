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

    /// Field `name` of the table at `t` as a list of strings (numbers allowed), byte for byte; empty when absent.
    func stringList(_ t: Int32, _ name: String, arg: Int32) throws(LuaCallError) -> [ByteString] {
        let type = pushField(t, name)
        defer { bench_lua_pop(L, 1) }
        if type == LUA_TNIL { return [] }
        guard type == LUA_TTABLE else { throw .argument(arg, "\(name): list of strings expected, got \(typeName(at: -1))") }
        var list: [ByteString] = []
        for i in stride(from: 1, through: rawLength(-1), by: 1) {
            lua_rawgeti(L, -1, lua_Integer(i))
            defer { bench_lua_pop(L, 1) }
            guard let word = scalarBytes(at: -1) else {
                throw .argument(arg, "\(name)[\(i)]: string expected, got \(typeName(at: -1))")
            }
            try refuseNUL(word, "\(name)[\(i)]", arg: arg)
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

    /// Pushes the command line's options as `bench.options`.
    func push(_ o: RunOptions) {
        lua_createtable(L, 0, 5)
        if let c = o.compiler { push(c); setField(-2, "compiler") }
        if let n = o.repeats { push(n); setField(-2, "repeats") }
        if let j = o.concurrency { push(j.map(\.description).joined(separator: ",")); setField(-2, "jobs") }
        if let r = o.runs { push(r); setField(-2, "runs") }
        if let w = o.warmup { push(w); setField(-2, "warmup") }
        if let t = o.timeout { push(t); setField(-2, "timeout") }
        if let f = o.format { push(f); setField(-2, "format") }
        if let s = o.strategies { pushArray(s.map(\.rawValue)); setField(-2, "strategies") }
        push(o.verbose); setField(-2, "verbose")
        push(o.dryRun); setField(-2, "dry_run")
    }
}
