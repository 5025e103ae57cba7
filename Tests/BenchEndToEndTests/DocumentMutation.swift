import BenchCore
import BenchTestSupport

/// One random change to a result document's text, for `DocumentFuzzTests`: most change one
/// value of the parsed document (so that the rest still reads), some damage the text itself.
enum DocumentMutation {
    /// The mutated text and what was done, for the failure's message.
    struct Mutated {
        let text: String
        let what: String
    }

    /// Numbers at and past what a run can produce, and past what Swift's integers hold.
    static let numbers: [JSONValue] = [
        .int(0), .int(-1), .int(1), .int(Int.max), .int(Int.min), .number(1e19), .number(-1e19), .number(1.7976931348623157e308),
        .number(-1.7976931348623157e308), .number(.leastNonzeroMagnitude), .number(0.5), .number(-0.0), .number(1e9), .number(1e9 + 1),
    ]

    /// Values of other types than a field's.
    static let others: [JSONValue] = [
        .null, .bool(true), .bool(false), .string(""), .string("x"), .string(String(repeating: "é\u{1B}[31m", count: 2000)),
        .array([]), .object([]), .array([.int(1), .string("a"), .null]),
    ]

    static func apply(to text: String, random: inout SplitMix) -> Mutated {
        switch random.below(12) {
        case 0:
            let cut = random.below(text.utf8.count)
            return Mutated(text: String(decoding: text.utf8.prefix(cut), as: UTF8.self), what: "truncated at byte \(cut)")
        case 1:
            var bytes = Array(text.utf8)
            let at = random.below(bytes.count)
            bytes[at] = UInt8(random.below(256))
            return Mutated(text: String(decoding: bytes, as: UTF8.self), what: "byte \(at) changed")
        default:
            guard let value = try? JSONParser.parse(ByteString(text)) else { return Mutated(text: text, what: "unchanged") }
            // Numbers most often: they are what a reader must hold to a range.
            let numbersOnly = random.below(3) > 0
            let target = random.below(count(value, numbersOnly: numbersOnly))
            var seen = 0
            var what = ""
            let changed = mutate(value, target: target, numbersOnly: numbersOnly, seen: &seen, random: &random, what: &what)
            return Mutated(text: changed.serialized(), what: what)
        }
    }

    /// How many values `value` holds, itself included (or only its numbers).
    static func count(_ value: JSONValue, numbersOnly: Bool) -> Int {
        switch value {
        case .array(let items): return (numbersOnly ? 0 : 1) + items.reduce(0) { $0 + count($1, numbersOnly: numbersOnly) }
        case .object(let pairs): return (numbersOnly ? 0 : 1) + pairs.reduce(0) { $0 + count($1.1, numbersOnly: numbersOnly) }
        case .int, .number: return 1
        default: return numbersOnly ? 0 : 1
        }
    }

    /// `value` with its `target`-th value (depth first; or number) changed.
    private static func mutate(
        _ value: JSONValue, target: Int, numbersOnly: Bool, seen: inout Int, random: inout SplitMix, what: inout String
    ) -> JSONValue {
        let counts: Bool
        switch value {
        case .int, .number: counts = true
        default: counts = !numbersOnly
        }
        if counts {
            defer { seen += 1 }
            if seen == target { return replacement(for: value, random: &random, what: &what) }
        }
        switch value {
        case .array(let items):
            return .array(items.map { mutate($0, target: target, numbersOnly: numbersOnly, seen: &seen, random: &random, what: &what) })
        case .object(let pairs):
            return .object(pairs.map { ($0.0, mutate($0.1, target: target, numbersOnly: numbersOnly, seen: &seen, random: &random, what: &what)) })
        default:
            return value
        }
    }

    private static func replacement(for value: JSONValue, random: inout SplitMix, what: inout String) -> JSONValue {
        if case .object(var pairs) = value, !pairs.isEmpty, random.below(2) == 0 {
            let i = random.below(pairs.count)
            if random.below(2) == 0 {
                what = "key '\(pairs[i].0)' removed"
                pairs.remove(at: i)
            } else {
                what = "key '\(pairs[i].0)' twice"
                pairs.append((pairs[i].0, numbers[random.below(numbers.count)]))
            }
            return .object(pairs)
        }
        switch random.below(4) {
        case 0, 1:
            let n = numbers[random.below(numbers.count)]
            what = "a value replaced by \(n.serialized())"
            return n
        case 2:
            let o = others[random.below(others.count)]
            what = "a value replaced by \(o.serialized().prefix(20))"
            return o
        default:
            let depth = [50, 199, 201, 1000][random.below(4)]
            what = "a value nested \(depth) arrays deep"
            return (0..<depth).reduce(value) { inner, _ in .array([inner]) }
        }
    }
}
