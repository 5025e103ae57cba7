import BenchCore
import CLua

/// Reads the fields of one Lua table, and remembers every name it asked for: `finish()` then
/// refuses any other key, naming the valid ones. The fields a reader reads are so exactly the
/// fields the table may have, with no separate list to keep in step: a field added to a reader
/// is allowed, and a field it never reads is a typo.
///
/// Every reader of a table of fields (a job, a probe, a scenario, `bench.compile`'s argument, a
/// parameter's declaration, the options of `bench.run` and `bench.floor`) is one of these.
struct LuaTableReader {
    /// The stack the table is on.
    let stack: LuaStack
    /// The table's absolute index.
    let table: Int32
    /// The argument of the current call it came from (0 for a returned table), for messages.
    let arg: Int32
    /// Where the table is, for messages (`"probes[2]"`); empty for an argument itself.
    let label: String
    private var names: [String] = []
    private var sequence = 0

    /// Notes `name` as a field of the table, once, in the order first read.
    private mutating func note(_ name: String) {
        if !names.contains(name) { names.append(name) }
    }

    /// A reader of the table at `index`; throws, naming `expected`, when it is not a table.
    init(_ stack: LuaStack, at index: Int32, arg: Int32, label: String = "", expected: String = "table") throws(LuaCallError) {
        self.stack = stack
        table = lua_absindex(stack.L, index)
        self.arg = arg
        self.label = label
        guard lua_type(stack.L, table) == LUA_TTABLE else {
            throw .argument(arg, "\(label.isEmpty ? "" : label + ": ")\(expected) expected, got \(stack.typeName(at: table))")
        }
    }

    /// `label.name`, or `name` for an argument itself.
    func path(_ name: String) -> String { label.isEmpty ? name : label + "." + name }

    /// Field `name` read by `read` (which sees the value on top), `nil` when absent; an error
    /// naming `expected` when `read` refuses it.
    mutating func field<T>(_ name: String, expected: String, _ read: (LuaStack) -> T?) throws(LuaCallError) -> T? {
        note(name)
        let s = stack
        return try s.field(table, name, arg: arg, label: label, expected: expected) { read(s) }
    }

    /// Whether field `name` is given (not nil).
    mutating func has(_ name: String) -> Bool {
        note(name)
        defer { bench_lua_pop(stack.L, 1) }
        return stack.pushField(table, name) != LUA_TNIL
    }

    /// Pushes field `name` and answers its type; the caller pops it.
    mutating func push(_ name: String) -> Int32 {
        note(name)
        return stack.pushField(table, name)
    }

    /// A string field, byte for byte.
    mutating func bytes(_ name: String) throws(LuaCallError) -> ByteString? { try field(name, expected: "string") { $0.bytes(at: -1) } }

    /// A string field as text.
    mutating func string(_ name: String) throws(LuaCallError) -> String? { try field(name, expected: "string") { $0.string(at: -1) } }

    /// A boolean field.
    mutating func bool(_ name: String) throws(LuaCallError) -> Bool? {
        try field(name, expected: "boolean") { s in lua_type(s.L, -1) == LUA_TBOOLEAN ? lua_toboolean(s.L, -1) != 0 : nil }
    }

    /// A whole number in `range`.
    mutating func integer(_ name: String, in range: ClosedRange<Int>, expected: String? = nil) throws(LuaCallError) -> Int? {
        try field(name, expected: expected ?? "whole number from \(range.lowerBound) to \(range.upperBound)") { s in
            s.integer(at: -1).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    /// A finite number.
    mutating func finiteNumber(_ name: String) throws(LuaCallError) -> Double? {
        try field(name, expected: "finite number") { s in s.number(at: -1).flatMap { $0.isFinite ? $0 : nil } }
    }

    /// A `timeout` field: seconds above 0 and at most a year (`Limits.timeout`).
    mutating func timeout() throws(LuaCallError) -> Double? { try seconds("timeout") }

    /// Seconds above 0 and at most a year (`Limits.timeout`), as `timeout` and `min_time` take.
    mutating func seconds(_ name: String) throws(LuaCallError) -> Double? {
        try field(name, expected: "number of seconds above 0 and at most \(Int(Limits.timeout.upperBound))") { s in
            s.number(at: -1).flatMap { Limits.isTimeout($0) ? $0 : nil }
        }
    }

    /// A list of strings (see `LuaStack.stringList`); empty when absent.
    mutating func stringList(_ name: String) throws(LuaCallError) -> [ByteString] {
        note(name)
        return try stack.stringList(table, name, arg: arg, label: label)
    }

    /// An `env` table (see `LuaStack.environment`); empty when absent.
    mutating func environment() throws(LuaCallError) -> [ByteString: ByteString] {
        guard push("env") != LUA_TNIL else {
            bench_lua_pop(stack.L, 1)
            return [:]
        }
        defer { bench_lua_pop(stack.L, 1) }
        return try stack.environment(at: -1, arg: arg, label: label)
    }

    /// A table of path to bytes (a probe's `files`); `nil` when absent.
    mutating func files(_ name: String) throws(LuaCallError) -> [ByteString: ByteString]? {
        let type = push(name)
        defer { bench_lua_pop(stack.L, 1) }
        if type == LUA_TNIL { return nil }
        guard type == LUA_TTABLE else { throw .argument(arg, "\(path(name)): table of path = contents expected, got \(stack.typeName(at: -1))") }
        var files: [ByteString: ByteString] = [:]
        lua_pushnil(stack.L)
        while lua_next(stack.L, -2) != 0 {
            defer { bench_lua_pop(stack.L, 1) }
            guard lua_type(stack.L, -2) == LUA_TSTRING, let key = stack.bytes(at: -2), let value = stack.bytes(at: -1) else {
                throw .argument(arg, "\(path(name)): paths and contents must be strings")
            }
            files[key] = value
        }
        return files
    }

    /// The table's sequence as words (strings, or numbers as Lua writes them), no NUL byte in any.
    mutating func words() throws(LuaCallError) -> [ByteString] {
        sequence = stack.rawLength(table)
        var words: [ByteString] = []
        for i in stride(from: 1, through: sequence, by: 1) {
            lua_rawgeti(stack.L, table, lua_Integer(i))
            defer { bench_lua_pop(stack.L, 1) }
            guard let word = stack.scalarBytes(at: -1) else {
                throw .argument(arg, "\(label)[\(i)]: string expected, got \(stack.typeName(at: -1))")
            }
            try stack.refuseNUL(word, "\(label)[\(i)]", arg: arg)
            words.append(word)
        }
        return words
    }

    /// Throws for any key the reader did not ask for (and, unless `words()` read it, any
    /// sequence), naming the valid fields.
    func finish() throws(LuaCallError) {
        try stack.checkKeys(table, arg: arg, allowed: names, sequence: sequence, label: label)
    }
}

extension LuaStack {
    /// Refuses keys other than `allowed` names and the sequence `1...sequence`.
    func checkKeys(_ t: Int32, arg: Int32, allowed: [String], sequence: Int, label: String) throws(LuaCallError) {
        lua_pushnil(L)
        while lua_next(L, t) != 0 {
            bench_lua_pop(L, 1)
            if let key = string(at: -1) {
                guard allowed.contains(key) else {
                    throw .argument(arg, "\(label.isEmpty ? "" : label + ": ")unknown field '\(key)' (valid: \(allowed.joined(separator: ", ")))")
                }
            } else if let i = integer(at: -1), i >= 1, i <= sequence {
                continue
            } else {
                throw .argument(
                    arg, "\(label.isEmpty ? "" : label + ": ")unexpected key of type \(typeName(at: -1)) (only names and a sequence 1..n)")
            }
        }
    }

    /// Reads field `name` of the table at `t` with `read` (which sees the value on top);
    /// `nil` when absent, an argument error when `read` refuses it.
    func field<T>(
        _ t: Int32, _ name: String, arg: Int32, label: String, expected: String, _ read: () -> T?
    ) throws(LuaCallError) -> T? {
        guard pushField(t, name) != LUA_TNIL else {
            bench_lua_pop(L, 1)
            return nil
        }
        defer { bench_lua_pop(L, 1) }
        guard let value = read() else {
            let got = lua_type(L, -1) == LUA_TNUMBER ? "\(number(at: -1) ?? 0)" : typeName(at: -1)
            throw .argument(arg, "\(label.isEmpty ? "" : label + ".")\(name): \(expected) expected, got \(got)")
        }
        return value
    }
}
