import BenchCore

/// A comparison of commands written as a recipe: the Lua that `bench time` runs, and that
/// `--export-recipe` saves, so that `bench run FILE.lua` measures the same commands the same way.
public enum CommandRecipe {
    /// The recipe's text. Its first line, a comment, is the `bench time` command line, which
    /// becomes the recipe's summary; every string is written so that Lua reads back its bytes.
    public static func text(_ c: CommandComparison) -> ByteString {
        var lines: [ByteString] = [
            "-- " + ByteString(c.invocation.map { ShellLine.quote($0) }.joined(separator: " ")),
            "-- Written by bench time: `bench run` on this file times these commands as that command line did.",
            "return {",
            "  name = \"time\",",
            "  probes = {",
        ]
        for command in c.commands {
            var line = "    { name = " + literal(command.name) + ", command = " + list(command.argv)
            for point in HookEvent.Point.allCases {
                if let argv = command.hooks[point] { line = line + ", \(point.rawValue) = " + list(argv) }
            }
            if let input = c.input { line = line + ", stdin_file = " + literal(input) }
            if !command.parameters.isEmpty {
                let pairs = command.parameters.sorted { $0.key < $1.key }.map {
                    "[" + literal(ByteString($0.key)) + "] = " + literal(ByteString($0.value))
                }
                line = line + ", parameters = { " + pairs.joined(separator: ", ") + " }"
            }
            lines.append(line + " },")
        }
        lines.append("  },")
        lines.append("  strategies = { \"serial\" }, runs = \(c.runs), warmup = \(c.warmup),")
        if let minTime = c.minTime { lines.append("  min_time = \(minTime)," + (c.maxRuns.map { " max_runs = \($0)," } ?? "")) }
        lines.append("  discard_output = \(!c.keepsOutput), ignore_failure = \(c.ignoreFailure), stop_on_failure = \(!c.ignoreFailure),")
        if let overhead = c.overhead { lines.append("  overhead = " + list(overhead) + ",") }
        lines.append("  randomized_environment_offset = true,")
        if let relativeTo = c.relativeTo { lines.append("  relative_to = " + literal(relativeTo) + ",") }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{ "a", "b" }`.
    static func list(_ words: [ByteString]) -> ByteString {
        "{ " + words.map(literal).joined(separator: ", ") + " }"
    }

    /// `bytes` as a Lua string literal that reads back as the same bytes: `"`, `\` and control
    /// bytes escaped (`\ddd`), everything else, UTF-8 or not, as it is.
    static func literal(_ bytes: ByteString) -> ByteString {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for b in bytes.bytes {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), b]
            case 0..<0x20, 0x7F: out += Array("\\\(String(b).leftPadded(to: 3))".utf8)
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return ByteString(out)
    }
}

extension String {
    /// The string with zeros in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
