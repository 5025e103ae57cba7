/// A recipe's parameters during a run: the `-D` values given, the parameters the recipe has
/// declared so far, and what was wrong with the values. A wrong value is not raised where the
/// recipe declares its parameter but collected, so that the one message, once the recipe starts
/// its first job (or ends), can name every mistake and list every parameter.
public struct RecipeParameters: Sendable, Equatable {
    /// The recipe's name, for messages.
    public let recipe: String
    /// The `-D` values, in the order given (a later one for the same name wins).
    public let definitions: [ParameterDefinition]
    /// The parameters declared, in order.
    public private(set) var declared: [RecipeParameter] = []
    /// Each declared parameter's value in this run, in the order declared.
    public private(set) var settings: [ParameterSetting] = []
    private var problems: [String] = []
    /// True once `check()` ran: the values were judged, so no parameter may be declared after.
    public private(set) var isChecked = false

    /// The parameters of `recipe`, given `definitions`.
    public init(recipe: String, definitions: [ParameterDefinition]) {
        self.recipe = recipe
        self.definitions = definitions
    }

    /// Declares `parameter` and answers its value: the last `-D` for it if that one is valid,
    /// else the default (and the problem is kept for `check()`). The error is the recipe's
    /// mistake: a second declaration of a name, or one after the recipe started working.
    public mutating func declare(_ parameter: RecipeParameter) throws(BenchError) -> ParameterValue {
        guard !declared.contains(where: { $0.name == parameter.name }) else {
            throw .invalidValue("the parameter '\(parameter.name)' is declared twice")
        }
        guard !isChecked else {
            throw .invalidValue("declare the parameter '\(parameter.name)' before the recipe runs its first job (the -D values were checked then)")
        }
        declared.append(parameter)
        var value = parameter.defaultValue
        if let given = definitions.last(where: { $0.name == parameter.name }) {
            do { value = try parameter.parse(given.value) } catch {
                problems.append("-D \(given.text): \(parameter.name) is \(article(parameter.typeName)) \(parameter.typeName): \(error)")
            }
        }
        settings.append(ParameterSetting(name: parameter.name, value: value))
        return value
    }

    /// Judges the `-D` values once the recipe has declared what it takes: an error naming every
    /// unknown name and wrong value, then listing the recipe's parameters with their defaults.
    public mutating func check() throws(BenchError) {
        guard !isChecked else { return }
        isChecked = true
        var problems = self.problems
        var seen: Set<String> = []
        for definition in definitions where !declared.contains(where: { $0.name == definition.name }) && seen.insert(definition.name).inserted {
            problems.append("-D \(definition.text): \(recipe) has no parameter '\(definition.name)'")
        }
        guard !problems.isEmpty else { return }
        throw .invalidValue((problems + [listing]).joined(separator: "\n"))
    }

    /// The recipe's parameters, one per line, for messages.
    public var listing: String {
        guard !declared.isEmpty else { return "\(recipe) declares no parameters" }
        return "\(recipe)'s parameters (-D name=value):\n" + Self.table(declared)
    }

    /// The parameters as aligned lines: name, type, default, choices or range, and help.
    public static func table(_ parameters: [RecipeParameter]) -> String {
        let nameWidth = parameters.map(\.name.count).max() ?? 0
        let typeWidth = parameters.map(\.typeName.count).max() ?? 0
        let defaults = parameters.map { "default \($0.defaultValue.text.isEmpty ? "(empty)" : $0.defaultValue.text)" }
        let defaultWidth = defaults.map(\.count).max() ?? 0
        return zip(parameters, defaults).map { parameter, shown in
            var line = "  " + parameter.name.padding(nameWidth) + "  " + parameter.typeName.padding(typeWidth) + "  " + shown.padding(defaultWidth)
            if let choices = parameter.choices { line += "  (\(choices.map(\.text).joined(separator: " | ")))" }
            if let range = parameter.range { line += "  (\(range))" }
            if let help = parameter.help { line += "  " + TerminalText.line(help) }
            return line.trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }

    private func article(_ type: String) -> String { type.hasPrefix("integer") ? "an" : "a" }
}
