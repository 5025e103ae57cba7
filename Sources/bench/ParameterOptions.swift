import ArgumentParser
import BenchCore

/// `-D name=value`: values for the recipe's parameters (`bench run`, `bench info`).
struct ParameterOptions: ParsableArguments {
    @Option(name: .customShort("D", allowingJoined: true),
            help: ArgumentHelp("Set the recipe's parameter (repeatable); `bench info RECIPE` lists them.", valueName: "name=value"))
    var definitions: [String] = []

    /// The definitions, each checked for its form (the recipe judges the values).
    func parsed() throws(BenchError) -> [ParameterDefinition] {
        var parsed: [ParameterDefinition] = []
        for text in definitions { parsed.append(try ParameterDefinition(parsing: ArgumentBytes.bytes(text))) }
        return parsed
    }
}
