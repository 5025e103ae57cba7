import ArgumentParser
import BenchCore

/// `-D name=value`: values for the recipe's parameters (`bench run`, `bench info`).
struct ParameterOptions: ParsableArguments {
    @Option(
        name: .customShort("D"),
        help: ArgumentHelp("Set the recipe's parameter (repeatable); `bench info RECIPE` lists them.", valueName: "name=value"))
    var definitions: [String] = []

    /// The definitions, each checked for its form (the recipe judges the values).
    func parsed() throws(BenchError) -> [ParameterDefinition] {
        var parsed: [ParameterDefinition] = []
        for text in definitions { parsed.append(try ParameterDefinition(parsing: ArgumentBytes.bytes(text))) }
        return parsed
    }
}

extension ParameterOptions {
    /// The arguments with each `-Dname=value` (as Meson and CMake users type it) split into
    /// `-D name=value`, up to a `--`: the parser reads `-Dname=value` as an option `-Dname`.
    static func separatingJoined(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (i, argument) in arguments.enumerated() {
            if argument == "--" { return out + arguments[i...] }
            if argument.hasPrefix("-D") && argument.count > 2 {
                out += ["-D", String(argument.dropFirst(2))]
            } else {
                out.append(argument)
            }
        }
        return out
    }
}
