/// A parameter a recipe declares with `bench.param`: its name, its default (whose kind is the
/// parameter's type), what it is for, and the values it may take.
public struct RecipeParameter: Sendable, Equatable {
    /// The name `-D name=value` sets.
    public var name: String
    /// The value when no `-D` sets it; its kind is the parameter's.
    public var defaultValue: ParameterValue
    /// One line saying what the parameter changes.
    public var help: String?
    /// The values allowed (for a list, the elements allowed); `nil` allows any of the kind.
    public var choices: [ParameterValue]?
    /// The smallest and largest number allowed (for a list, of each element), if bounded.
    public var minimum: Double?, maximum: Double?

    /// Declares a parameter; the error says what is wrong with the declaration.
    public init(
        name: String, defaultValue: ParameterValue, help: String? = nil, choices: [ParameterValue]? = nil, minimum: Double? = nil,
        maximum: Double? = nil
    ) throws(BenchError) {
        guard Self.isValidName(name) else {
            throw .invalidValue("'\(TerminalText.line(name))' is not a parameter name (letters, digits, '_' and '-', starting with a letter or '_')")
        }
        self.name = name
        self.defaultValue = defaultValue
        self.help = help
        self.choices = choices
        self.minimum = minimum
        self.maximum = maximum
        if (minimum != nil || maximum != nil) && elementKind != .integer && elementKind != .number {
            throw .invalidValue("min and max bound numbers; '\(name)' is \(typeName == "list of strings" ? "a list of strings" : "a " + typeName)")
        }
        if let minimum, let maximum, minimum > maximum { throw .invalidValue("the min of '\(name)' is above its max") }
        if case .list(let items) = defaultValue, let first = items.first, items.contains(where: { Kind.of($0) != Kind.of(first) }) {
            throw .invalidValue("the default of '\(name)' mixes kinds; a list holds numbers or strings, not both")
        }
        if let choices {
            guard !choices.isEmpty else { throw .invalidValue("the choices of '\(name)' are empty") }
            for choice in choices where Kind.of(choice) != elementKind {
                throw .invalidValue("the choice \(choice.text) of '\(name)' is not \(elementKind.article) \(elementKind.rawValue), as its default is")
            }
        }
        try check(defaultValue, what: "the default")
    }

    /// What kinds of value there are.
    public enum Kind: String, Sendable {
        /// A whole number, a finite number, true or false, bytes, a list of one kind.
        case integer, number, boolean, string, list

        /// The kind of `value`.
        static func of(_ value: ParameterValue) -> Kind {
            switch value {
            case .integer: return .integer
            case .number: return .number
            case .boolean: return .boolean
            case .string: return .string
            case .list: return .list
            }
        }

        var article: String { self == .integer ? "an" : "a" }
    }

    /// The parameter's type, as `bench info` shows it: "integer", "list of strings".
    public var typeName: String {
        guard case .list = defaultValue else { return Kind.of(defaultValue).rawValue }
        return "list of \(elementKind == .integer ? "integers" : elementKind == .number ? "numbers" : "strings")"
    }

    /// The kind of the value, or of a list's elements (strings for an empty list).
    var elementKind: Kind {
        guard case .list(let items) = defaultValue else { return Kind.of(defaultValue) }
        return items.first.map(Kind.of) ?? .string
    }

    /// The value `text` gives this parameter: parsed as the default's kind (a list split at
    /// commas), then checked against the choices. The error says what the text should be.
    public func parse(_ text: ByteString) throws(BenchError) -> ParameterValue {
        let value: ParameterValue
        if case .list = defaultValue {
            var items: [ParameterValue] = []
            if !text.isEmpty {
                for piece in text.bytes.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                    items.append(try parse(ByteString(bytes: piece), as: elementKind))
                }
            }
            value = .list(items)
        } else {
            value = try parse(text, as: elementKind)
        }
        try check(value, what: "'\(TerminalText.line(text))'")
        return value
    }

    private func parse(_ text: ByteString, as kind: Kind) throws(BenchError) -> ParameterValue {
        let string = text.text
        switch kind {
        case .integer:
            guard let n = Int(string) else { throw .invalidValue("'\(TerminalText.line(string))' is not an integer") }
            return .integer(n)
        case .number:
            guard let x = Double(string), x.isFinite, !string.contains(where: \.isWhitespace) else {
                throw .invalidValue("'\(TerminalText.line(string))' is not a finite number")
            }
            return .number(x)
        case .boolean:
            switch string.lowercased() {
            case "true", "yes", "on", "1": return .boolean(true)
            case "false", "no", "off", "0": return .boolean(false)
            default: throw .invalidValue("'\(TerminalText.line(string))' is not a boolean (true or false)")
            }
        case .string, .list:
            guard !text.contains(0) else { throw .invalidValue("the value holds a NUL byte") }
            return .string(text)
        }
    }

    /// Refuses a value outside the choices or the bounds.
    private func check(_ value: ParameterValue, what: String) throws(BenchError) {
        let items: [ParameterValue]
        let isList: Bool
        if case .list(let list) = value { (items, isList) = (list, true) } else { (items, isList) = ([value], false) }
        for item in items {
            // In a list, the item at fault is named: `-D levels=2,0` says '0', not '2,0'.
            let what = isList ? "'\(TerminalText.line(item.text))' (in \(what))" : what
            if let choices, !choices.contains(item) {
                throw .invalidValue("\(what) is not one of the choices: \(choices.map(\.text).joined(separator: ", "))")
            }
            let number: Double?
            switch item {
            case .integer(let n): number = Double(n)
            case .number(let x): number = x
            default: number = nil
            }
            guard let number else { continue }
            if let minimum, number < minimum { throw .invalidValue("\(what) is below the least allowed, \(bound(minimum))") }
            if let maximum, number > maximum { throw .invalidValue("\(what) is above the most allowed, \(bound(maximum))") }
        }
    }

    /// A bound as the parameter's kind shows it: `1`, not `1.0`, for an integer.
    private func bound(_ x: Double) -> String { elementKind == .integer && x == x.rounded() && abs(x) < 1e18 ? String(Int(x)) : String(x) }

    /// "from 1 to 1000000", "at least 1", or nothing.
    public var range: String? {
        switch (minimum, maximum) {
        case (let lo?, let hi?): return "from \(bound(lo)) to \(bound(hi))"
        case (let lo?, nil): return "at least \(bound(lo))"
        case (nil, let hi?): return "at most \(bound(hi))"
        case (nil, nil): return nil
        }
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0 == "-" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
