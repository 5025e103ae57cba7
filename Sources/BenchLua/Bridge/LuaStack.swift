import BenchCore
import CLua

/// One Lua stack (the main state's or a coroutine's) seen from Swift.
///
/// Reading and pushing never raise a Lua error: raw table access only (no metamethods run), and
/// type checks before every conversion. These run inside Swift frames, where a longjmp must not
/// happen. (Lua can still raise on running out of memory; bench accepts that risk.)
struct LuaStack {
    // swift-format-ignore: AlwaysUseLowerCamelCase
    let L: OpaquePointer

    /// Lua's name for the type of the value at `index` ("nil", "table", ...).
    func typeName(at index: Int32) -> String { String(cString: lua_typename(L, lua_type(L, index))) }

    /// The string at `index` as text, if it is a string (numbers are not converted): for names
    /// bench itself reads (fields, formats). Bytes that are not UTF-8 become U+FFFD.
    func string(at index: Int32) -> String? { bytes(at: index)?.text }

    /// The string at `index`, byte for byte, if it is a string (numbers are not converted).
    func bytes(at index: Int32) -> ByteString? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let p = lua_tolstring(L, index, &length) else { return nil }
        return ByteString(bytes: UnsafeRawBufferPointer(start: p, count: length))
    }

    /// The number at `index` if it is a number.
    func number(at index: Int32) -> Double? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        return lua_tonumberx(L, index, nil)
    }

    /// The integer at `index` if it is a number with an exact integer value.
    func integer(at index: Int32) -> Int? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        var isInteger: Int32 = 0
        let n = lua_tointegerx(L, index, &isInteger)
        return isInteger != 0 ? Int(n) : nil
    }

    /// Pushes `table[key]` (raw) and returns its Lua type.
    @discardableResult
    func pushField(_ table: Int32, _ key: String) -> Int32 {
        let t = lua_absindex(L, table)
        lua_pushstring(L, key)
        return lua_rawget(L, t)
    }

    /// The length of the sequence part of the table at `index` (raw, no `__len`).
    func rawLength(_ index: Int32) -> Int { Int(lua_rawlen(L, index)) }

    /// Pushes text as its UTF-8.
    func push(_ s: String) { push(ByteString(s)) }

    /// Pushes bytes as a Lua string, exactly.
    func push(_ s: ByteString) {
        s.bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    /// Pushes a number.
    func push(_ d: Double) { lua_pushnumber(L, d) }

    /// Pushes an integer.
    func push(_ i: Int) { lua_pushinteger(L, lua_Integer(i)) }

    /// Pushes a boolean.
    func push(_ b: Bool) { lua_pushboolean(L, b ? 1 : 0) }

    /// Sets `t[key] = value on top` for the table at `table`, popping the value.
    func setField(_ table: Int32, _ key: String) {
        let t = lua_absindex(L, table)
        push(key)
        bench_lua_insert(L, -2)
        lua_rawset(L, t)
    }

    /// Sets `t[i] = value on top` for the table at `table`, popping the value.
    func setIndex(_ table: Int32, _ i: Int) { lua_rawseti(L, table, lua_Integer(i)) }

    /// Pushes a new table holding `strings` as a sequence.
    func pushArray(_ strings: [String]) { pushArray(strings.map { ByteString($0) }) }

    /// Pushes a new table holding `strings` as a sequence.
    func pushArray(_ strings: [ByteString]) {
        lua_createtable(L, Int32(clamping: strings.count), 0)
        for (i, s) in strings.enumerated() {
            push(s)
            setIndex(-2, i + 1)
        }
    }
}
