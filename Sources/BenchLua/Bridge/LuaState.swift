import BenchCore
import CLua

/// The one Lua state of a run, with Lua's standard libraries open.
///
/// Use it from the thread that created it, and only that one. Every call into Lua code is
/// protected (`lua_pcall`), so a script error becomes a thrown `LuaError`, never a crash.
public final class LuaState {
    /// The raw state, for the bridge's own helpers.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    let L: OpaquePointer

    /// Creates a state with the standard libraries.
    public init() {
        guard let state = luaL_newstate() else { fatalError("Lua could not allocate its state") }
        L = state
        luaL_openlibs(L)
        bench_lua_source_only(L)
        bench_lua_install_watch(L)
    }

    private var closed = false

    deinit { close() }

    /// Closes the state (running pending finalizers); the state must not be used afterwards.
    func close() {
        guard !closed else { return }
        closed = true
        lua_close(L)
    }

    /// The main stack.
    var stack: LuaStack { LuaStack(L: L) }

    /// Runs a script's bytes as Lua source, as `luaL_loadfile` would run the file they were read from:
    /// a first line starting with `#` (`#!/usr/bin/env bench`) and a UTF-8 byte order mark are
    /// skipped, and messages name `path`. Returns how many values it returned (left on the stack).
    func runScript(_ source: ByteString, path: ByteString) throws(LuaError) -> Int32 {
        let base = lua_gettop(L)
        var bytes = source.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // As luaL_loadfile does: the first line goes, its newline stays, so line numbers hold.
        if bytes.first == UInt8(ascii: "#") { bytes = bytes.drop { $0 != UInt8(ascii: "\n") } }
        let name = "@" + path.text
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { bench_lual_loadbuffer(L, $0.baseAddress, $0.count, name) }
        }
        guard status == LUA_OK else {
            let message = popString()
            throw status == LUA_ERRSYNTAX ? .syntax(message) : .load(message)
        }
        try call(arguments: 0, results: LUA_MULTRET)
        return lua_gettop(L) - base
    }

    /// Calls the function below `arguments` values on the stack, with a traceback on error.
    func call(arguments: Int32, results: Int32) throws(LuaError) {
        let functionIndex = lua_gettop(L) - arguments
        bench_lua_push_traceback_handler(L)
        bench_lua_insert(L, functionIndex)
        let status = bench_lua_pcall(L, arguments, results, functionIndex)
        bench_lua_remove(L, functionIndex)
        guard status == LUA_OK else {
            if lua_type(L, -1) == LUA_TSTRING {
                throw .runtime(popString())
            }
            bench_lua_pop(L, 1)
            throw .nonString
        }
    }

    /// Pops the top value as a string ("?" if it is not one).
    func popString() -> String {
        defer { bench_lua_pop(L, 1) }
        return stack.string(at: -1) ?? "(error object is a \(stack.typeName(at: -1)) value)"
    }
}

/// A failure of Lua code: the message already holds the script's file and line.
public enum LuaError: Error, Equatable, CustomStringConvertible {
    /// The script does not parse; the message is Lua's, e.g. `x.lua:3: '=' expected near 'y'`.
    case syntax(String)
    /// The script cannot be read.
    case load(String)
    /// A runtime error, with Lua's traceback.
    case runtime(String)
    /// An error raised with a value that is not a string (the host's exit requests use this).
    case nonString

    /// The message for people.
    public var description: String {
        switch self {
        case .syntax(let m), .load(let m), .runtime(let m): return m
        case .nonString: return "error object is not a string"
        }
    }

}
