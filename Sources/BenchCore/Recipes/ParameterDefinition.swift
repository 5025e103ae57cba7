/// One `-D name=value` from the command line: a value for a recipe's parameter, kept as the
/// bytes given until the recipe declares the parameter and so its type.
public struct ParameterDefinition: Sendable, Equatable {
    /// The parameter's name.
    public var name: String
    /// The value as given.
    public var value: ByteString

    /// Creates a definition.
    public init(name: String, value: ByteString) {
        self.name = name
        self.value = value
    }

    /// Reads `name=value`; the error shows the form expected.
    public init(parsing text: ByteString) throws(BenchError) {
        guard let equals = text.bytes.firstIndex(of: UInt8(ascii: "=")) else {
            throw .invalidValue("-D \(TerminalText.line(text)): give a parameter as -D name=value")
        }
        let name = ByteString(bytes: text.bytes[..<equals]).text
        guard RecipeParameter.isValidName(name) else {
            throw .invalidValue("-D \(TerminalText.line(text)): '\(TerminalText.line(name))' is not a parameter name")
        }
        self.init(name: name, value: ByteString(bytes: text.bytes[(equals + 1)...]))
    }

    /// `name=value`, as typed.
    public var text: String { "\(name)=\(TerminalText.line(value))" }
}

/// A parameter and the value a run gave it, as a result document records it.
public struct ParameterSetting: Sendable, Equatable {
    /// The parameter's name.
    public var name: String
    /// Its value in the run: the `-D` given, or the default.
    public var value: ParameterValue

    /// Creates a setting.
    public init(name: String, value: ParameterValue) {
        self.name = name
        self.value = value
    }
}
