/// The value of a recipe's parameter: what `bench.param` returns, what `-D name=value` sets and
/// what a result document records.
public enum ParameterValue: Sendable, Equatable {
    /// A whole number (a Lua integer).
    case integer(Int)
    /// Any other number (a Lua float), always finite.
    case number(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// Bytes, as Lua strings are.
    case string(ByteString)
    /// A list, given on the command line as `a,b,c`; its elements are all of one kind.
    case list([ParameterValue])

    /// The value as `-D` would give it: `8`, `true`, `-O0,-O2`.
    public var text: String {
        switch self {
        case .integer(let n): return String(n)
        case .number(let x): return String(x)
        case .boolean(let b): return b ? "true" : "false"
        case .string(let s): return TerminalText.line(s)
        case .list(let items): return items.map(\.text).joined(separator: ",")
        }
    }

    /// The value as JSON: a number, a boolean, a string or an array.
    public var json: JSONValue {
        switch self {
        case .integer(let n): return .int(n)
        case .number(let x): return .number(x)
        case .boolean(let b): return .bool(b)
        case .string(let s): return .string(s.text)
        case .list(let items): return .array(items.map(\.json))
        }
    }

    /// The value that `json` wrote; the error names `path`.
    public init(json: JSONValue, path: String) throws(BenchError) {
        switch json {
        case .int(let n): self = .integer(n)
        case .number(let x): self = .number(x)
        case .bool(let b): self = .boolean(b)
        case .string(let s): self = .string(ByteString(s))
        case .array(let items):
            var values: [ParameterValue] = []
            for (i, item) in items.enumerated() { values.append(try ParameterValue(json: item, path: "\(path)[\(i)]")) }
            self = .list(values)
        default: throw .invalidValue("\(path): a parameter's value is a number, a boolean, a string or a list")
        }
    }
}
