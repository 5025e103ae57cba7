import BenchCore
import CLua

/// The signature of a Swift function that Lua calls through the C trampoline.
typealias LuaSwiftFunction = @convention(c) (OpaquePointer?) -> Int32

/// A failure inside a Swift function called from Lua. The Swift function returns a code and
/// the C trampoline raises the Lua error after that frame is gone, so no longjmp ever crosses
/// a Swift frame.
enum LuaCallError: Error {
    /// Raised as "file:line: bad argument #n to 'f' (detail)".
    case argument(Int32, String)
    /// Raised as "file:line: message".
    case message(String)
    /// The value on top of the stack is raised as it is (the host's exit requests).
    case value
}

extension LuaStack {
    /// Runs the body of a Swift function called from Lua and turns a thrown error into the
    /// trampoline's code, with the message pushed.
    func call(_ body: () throws(LuaCallError) -> Int32) -> Int32 {
        do {
            return try body()
        } catch {
            switch error {
            case .argument(let n, let detail):
                push(detail)
                return Int32(BENCH_LUA_ARGERROR_BASE) - n
            case .message(let message):
                push(message)
                return Int32(BENCH_LUA_RAISE)
            case .value:
                return Int32(BENCH_LUA_RAISE_VALUE)
            }
        }
    }

    /// Pushes `function` as a Lua function; `context` comes back through `context(_:)`.
    func pushFunction(_ function: LuaSwiftFunction, context: UnsafeMutableRawPointer) {
        bench_lua_push_swift_function(L, function, context)
    }

    /// The context object given to `pushFunction`, inside a call.
    func context<T: AnyObject>(_: T.Type) -> T {
        Unmanaged<T>.fromOpaque(lua_touserdata(L, bench_lua_upvalueindex(2))!).takeUnretainedValue()
    }

    /// The error for argument `arg` not being `expected`: "table expected, got number".
    func typeError(_ arg: Int32, _ expected: String, at index: Int32? = nil) -> LuaCallError {
        .argument(arg, "\(expected) expected, got \(typeName(at: index ?? arg))")
    }

    /// Argument `arg` must be a table.
    func checkTable(_ arg: Int32) throws(LuaCallError) {
        guard lua_type(L, arg) == LUA_TTABLE else { throw typeError(arg, "table") }
    }

    /// Argument `arg` as a string (numbers are not accepted: a number where a name belongs is a mistake).
    func checkString(_ arg: Int32) throws(LuaCallError) -> String {
        guard let s = string(at: arg) else { throw typeError(arg, "string") }
        return s
    }

    /// Argument `arg` as a string, byte for byte (numbers are not accepted).
    func checkBytes(_ arg: Int32) throws(LuaCallError) -> ByteString {
        guard let s = bytes(at: arg) else { throw typeError(arg, "string") }
        return s
    }
}
