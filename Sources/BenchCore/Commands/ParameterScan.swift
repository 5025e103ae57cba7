import Foundation

/// hyperfine's parameters: `-P NAME MIN MAX` (a range, with an optional step) and `-L NAME A,B`
/// (a list). Every combination of their values is one variant of each command, with `{NAME}`
/// replaced by the value.
public struct ParameterScan: Sendable, Equatable {
    /// One parameter and its values, in order.
    public struct Parameter: Sendable, Equatable {
        /// The name, written `{name}` in commands.
        public var name: String
        /// Its values as they replace `{name}`.
        public var values: [String]
    }

    /// The parameters, the first varying slowest.
    public private(set) var parameters: [Parameter] = []

    /// The most variants a scan may make: more would take longer to run than anyone waits.
    public static let mostCombinations = 10_000

    /// An empty scan: one combination with no values.
    public init() {}

    /// Adds `-L name a,b,c`.
    public mutating func addList(_ name: String, _ list: String) throws(BenchError) {
        try add(Parameter(name: name, values: list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
    }

    /// Adds `-P name min max` with `step` (hyperfine's `-D`; 1 by default). Integers stay
    /// integers; with a decimal anywhere, values have as many decimals as the most precise of the three.
    public mutating func addRange(_ name: String, min: String, max: String, step: String?) throws(BenchError) {
        let numbers = [min, max, step ?? "1"]
        let parsed = numbers.compactMap { Double($0) }.filter(\.isFinite)
        guard parsed.count == 3 else {
            throw .invalidValue("-P \(name) \(min) \(max): the range and its step must be numbers, not '\(numbers.joined(separator: "', '"))'")
        }
        let (low, high, by) = (parsed[0], parsed[1], parsed[2])
        guard by > 0 else { throw .invalidValue("--parameter-step-size must be above 0, not \(numbers[2])") }
        guard low <= high else { throw .invalidValue("-P \(name) \(min) \(max): the lower bound is above the upper one") }
        let count = Int(((high - low) / by * (1 + 1e-12)).rounded(.down)) + 1
        guard count <= Self.mostCombinations else {
            throw .invalidValue("-P \(name) \(min) \(max) makes \(count) values; at most \(Self.mostCombinations)")
        }
        let decimals = numbers.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 }.max() ?? 0
        let values = (0..<count).map { k in decimals == 0 ? String(Int(low) + k * Int(by)) : String(format: "%.\(decimals)f", low + Double(k) * by) }
        try add(Parameter(name: name, values: values))
    }

    private mutating func add(_ parameter: Parameter) throws(BenchError) {
        guard !parameter.name.isEmpty, !parameter.name.contains("{"), !parameter.name.contains("}") else {
            throw .invalidValue("'\(parameter.name)' cannot name a parameter: it is written {NAME} in commands")
        }
        guard !parameters.contains(where: { $0.name == parameter.name }) else {
            throw .invalidValue("the parameter '\(parameter.name)' is given twice")
        }
        let total = parameters.reduce(parameter.values.count) { $0 * $1.values.count }
        guard total <= Self.mostCombinations else {
            throw .invalidValue("the parameters make \(total) combinations; at most \(Self.mostCombinations)")
        }
        parameters.append(parameter)
    }

    /// Every combination of values, the first parameter varying slowest; one empty
    /// combination when there is no parameter.
    public var combinations: [[(name: String, value: String)]] {
        parameters.reduce([[]]) { partial, parameter in
            partial.flatMap { combination in parameter.values.map { combination + [(parameter.name, $0)] } }
        }
    }

    /// `text` with each `{name}` of `combination` replaced by its value.
    public static func substitute(_ text: ByteString, _ combination: [(name: String, value: String)]) -> ByteString {
        combination.reduce(text) { text, pair in text.replacing("{\(pair.name)}", with: ByteString(pair.value)) }
    }
}
