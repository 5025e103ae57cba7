import BenchCore
import Testing

@Suite("Commands compared as hyperfine compares them")
struct CommandComparisonTests {
    @Test func aLineSplitsIntoWordsAsAShellSplitsIt() throws {
        let cases: [(ByteString, [ByteString])] = [
            ("gzip -9 -c F", ["gzip", "-9", "-c", "F"]),
            ("  a\t b\n", ["a", "b"]),
            ("cat 'my file' \"x \\\"y\\\" \\z\"", ["cat", "my file", "x \"y\" \\z"]),
            ("a\\ b c''d \"\"", ["a b", "cd", ""]),
            ("echo $HOME '*'", ["echo", "$HOME", "*"]),
        ]
        for (line, words) in cases { #expect(try ShellWords.split(line) == words, "\(line.text)") }
        #expect(throws: ShellWords.Problem.unterminatedQuote(UInt8(ascii: "'"))) { try ShellWords.split("echo 'x") }
        #expect(throws: ShellWords.Problem.unterminatedQuote(UInt8(ascii: "\""))) { try ShellWords.split("echo \"x") }
        #expect(throws: ShellWords.Problem.empty) { try ShellWords.split("  ") }
    }

    @Test func rangesAndListsMakeEveryCombinationInOrder() throws {
        var scan = ParameterScan()
        try scan.addRange("n", min: "1", max: "3", step: nil)
        try scan.addList("lvl", "1,9")
        #expect(
            scan.combinations.map { $0.map { "\($0.name)=\($0.value)" }.joined(separator: " ") } == [
                "n=1 lvl=1", "n=1 lvl=9", "n=2 lvl=1", "n=2 lvl=9", "n=3 lvl=1", "n=3 lvl=9",
            ])
        var decimals = ParameterScan()
        try decimals.addRange("d", min: "0.3", max: "0.7", step: "0.2")
        #expect(decimals.parameters[0].values == ["0.3", "0.5", "0.7"])
        #expect(ParameterScan.substitute("sleep {d}; echo {d} {other}", [("d", "0.5")]) == "sleep 0.5; echo 0.5 {other}")
        #expect(ParameterScan().combinations.count == 1)
    }

    @Test func aScanThatCannotBeIsRefusedSayingWhy() {
        var scan = ParameterScan()
        #expect(throws: BenchError.invalidValue("-P n 3 1: the lower bound is above the upper one")) {
            try scan.addRange("n", min: "3", max: "1", step: nil)
        }
        #expect(throws: BenchError.invalidValue("--parameter-step-size must be above 0, not 0")) {
            try scan.addRange("n", min: "1", max: "3", step: "0")
        }
        #expect(throws: BenchError.invalidValue("-P n 1 x: the range and its step must be numbers, not '1', 'x', '1'")) {
            try scan.addRange("n", min: "1", max: "x", step: nil)
        }
        #expect(throws: BenchError.invalidValue("-P n 1 20000 makes 20000 values; at most 10000")) {
            try scan.addRange("n", min: "1", max: "20000", step: nil)
        }
        #expect(throws: BenchError.invalidValue("'{n}' cannot name a parameter: it is written {NAME} in commands")) { try scan.addList("{n}", "1") }
        try? scan.addList("n", "1,2")
        #expect(throws: BenchError.invalidValue("the parameter 'n' is given twice")) { try scan.addList("n", "3") }
    }

    @Test func commandsRunThroughTheShellOrAsTheirWords() throws {
        var scan = ParameterScan()
        try scan.addList("lvl", "1,9")
        var c = CommandComparison()
        try c.add("gzip -{lvl} -c F", name: nil, scan: scan, shell: ["sh"])
        try c.add("xz -1\n-c F", name: "xz {lvl}", scan: ParameterScan(), shell: nil)
        #expect(c.commands.map(\.name) == ["gzip -1 -c F", "gzip -9 -c F", "xz {lvl}"])
        #expect(c.commands.map(\.argv) == [["sh", "-c", "gzip -1 -c F"], ["sh", "-c", "gzip -9 -c F"], ["xz", "-1", "-c", "F"]])
        var lines = CommandComparison()
        try lines.add("a\nb", name: nil, scan: ParameterScan(), shell: ["bash", "--norc"])
        #expect(lines.commands[0].name == "a\\nb" && lines.commands[0].argv == ["bash", "--norc", "-c", "a\nb"])
    }
}
