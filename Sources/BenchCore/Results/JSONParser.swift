/// Parses JSON text (RFC 8259) into a `JSONValue`, keeping the order of object keys and telling
/// whole numbers (`2`) from other numbers (`2.0`), as `JSONValue.serialized` writes them.
public struct JSONParser {
    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    /// Parses `text`; the error says where it went wrong.
    public static func parse(_ text: ByteString) throws(BenchError) -> JSONValue {
        var parser = JSONParser(bytes: text.bytes)
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.i == parser.bytes.count else { throw parser.failure("text after the end of the document") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ what: String) -> BenchError {
        let line = bytes[..<min(i, bytes.count)].count(where: { $0 == 10 }) + 1
        return .invalidValue("not a JSON document: \(what) at line \(line)")
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private mutating func expect(_ literal: String) throws(BenchError) {
        let l = Array(literal.utf8)
        guard i + l.count <= bytes.count, Array(bytes[i..<(i + l.count)]) == l else { throw failure("'\(literal)' expected") }
        i += l.count
    }

    private mutating func value() throws(BenchError) -> JSONValue {
        guard i < bytes.count else { throw failure("a value expected") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return try number()
        }
    }

    private mutating func nested<T>(_ body: (inout JSONParser) throws(BenchError) -> T) throws(BenchError) -> T {
        depth += 1
        guard depth <= 200 else { throw failure("nesting deeper than 200") }
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(BenchError) -> JSONValue {
        try nested { (p: inout JSONParser) throws(BenchError) -> JSONValue in
            p.i += 1
            var pairs: [(String, JSONValue)] = []
            var keys: Set<String> = []
            p.skipSpace()
            if p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "}") { p.i += 1; return .object(pairs) }
            while true {
                p.skipSpace()
                guard p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "\"") else { throw p.failure("a key expected") }
                let key = try p.string()
                // The first of two would win silently, and a document would say two things.
                guard keys.insert(key).inserted else { throw p.failure("the key '\(TerminalText.line(key))' twice in one object") }
                p.skipSpace()
                try p.expect(":")
                p.skipSpace()
                pairs.append((key, try p.value()))
                p.skipSpace()
                guard p.i < p.bytes.count else { throw p.failure("'}' expected") }
                if p.bytes[p.i] == UInt8(ascii: ",") { p.i += 1; continue }
                try p.expect("}")
                return .object(pairs)
            }
        }
    }

    private mutating func array() throws(BenchError) -> JSONValue {
        try nested { (p: inout JSONParser) throws(BenchError) -> JSONValue in
            p.i += 1
            var items: [JSONValue] = []
            p.skipSpace()
            if p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "]") { p.i += 1; return .array(items) }
            while true {
                p.skipSpace()
                items.append(try p.value())
                p.skipSpace()
                guard p.i < p.bytes.count else { throw p.failure("']' expected") }
                if p.bytes[p.i] == UInt8(ascii: ",") { p.i += 1; continue }
                try p.expect("]")
                return .array(items)
            }
        }
    }

    private mutating func string() throws(BenchError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { throw failure("an unfinished escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        let low = try hex4()
                        scalar = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                    }
                    out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
                default: throw failure("an unknown escape")
                }
            case 0..<0x20: throw failure("a control character in a string")
            default: out.append(b)
            }
        }
        throw failure("an unfinished string")
    }

    private mutating func hex4() throws(BenchError) -> UInt32 {
        guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
            throw failure("four hexadecimal digits expected")
        }
        i += 4
        return v
    }

    private mutating func number() throws(BenchError) -> JSONValue {
        let start = i
        var integral = true
        while i < bytes.count, let c = Optional(bytes[i]),
            (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
                || c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
        {
            if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { integral = false }
            i += 1
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if integral, let n = Int(text) { return .int(n) }
        guard !text.isEmpty, let d = Double(text), d.isFinite else { throw failure("a value expected") }
        return .number(d)
    }
}
