import ArgumentParser
import BenchCore
import Glibc

extension Bench.Time {
    /// The command line as a comparison of commands: every number checked against `Limits`,
    /// every command expanded for the parameters and split or given to the shell.
    func comparison() throws(BenchError) -> CommandComparison {
        guard !commands.isEmpty else { throw .invalidValue("give at least one command to time") }
        guard commandNames.count <= commands.count else {
            throw .invalidValue("\(commandNames.count) --command-name for \(commands.count) command\(commands.count == 1 ? "" : "s")")
        }
        if noShell && shell != nil { throw .invalidValue("-N runs no shell: give -N or --shell, not both") }
        let shellWords: [ByteString]?
        if noShell {
            shellWords = nil
        } else {
            let given = shell.map(ArgumentBytes.bytes) ?? ByteString(CommandComparison.defaultShell.map(\.text).joined(separator: " "))
            do { shellWords = try ShellWords.split(given) } catch { throw .invalidValue("--shell '\(TerminalText.line(given))': \(error)") }
        }
        var comparison = CommandComparison()
        comparison.invocation = ["bench"] + ArgumentBytes.commandLine().dropFirst()
        try counts(into: &comparison)
        let scan = try parameters()
        if let reference {
            // Measured first, as hyperfine's, and named as typed.
            try comparison.add(ArgumentBytes.bytes(reference), name: nil, scan: ParameterScan(), shell: shellWords)
            comparison.relativeTo = comparison.commands.first?.name
        }
        for (i, command) in commands.enumerated() {
            let name = i < commandNames.count ? ArgumentBytes.bytes(commandNames[i]) : nil
            try comparison.add(ArgumentBytes.bytes(command), name: name, scan: scan, shell: shellWords)
        }
        if let problem = duplicateName(comparison) { throw .invalidValue(problem) }
        let hooks: [(HookEvent.Point, [String], String)] = [
            (.setup, setup.map { [$0] } ?? [], "-s/--setup"), (.prepare, prepare, "-p/--prepare"), (.conclude, conclude, "-C/--conclude"),
            (.cleanup, cleanup, "-c/--cleanup"),
        ]
        for (point, lines, option) in hooks {
            try comparison.setHook(point, lines: lines.map(ArgumentBytes.bytes), option: option, shell: shellWords)
        }
        comparison.ignoreFailure = ignoreFailure
        comparison.overhead = CommandComparison.overhead(shell: shellWords)
        comparison.keepsOutput = showOutput
        if let input, input != "null" { comparison.input = try Self.readable(ArgumentBytes.bytes(input), option: "--input") }
        return comparison
    }

    /// `path` if bench can open it for reading, and it is no directory, as hyperfine checks
    /// `--input` before any run; otherwise an error saying why.
    private static func readable(_ path: ByteString, option: String) throws(BenchError) -> ByteString {
        switch InputFile.open(path) {
        case .success(let fd):
            close(fd)
            return path
        case .failure(.inputFile(_, let e)):
            throw .invalidValue("\(option) '\(TerminalText.line(path))': \(String(cString: strerror(e)))")
        case .failure(let error):
            throw .invalidValue("\(option) '\(TerminalText.line(path))': \(error)")
        }
    }

    /// `-w`, `-r`, `-m` and `-M` as the comparison's warm-up and runs: `-r` exactly, or at
    /// least `-m` (10) and 3 seconds' worth, at most `-M`, as hyperfine counts them.
    private func counts(into comparison: inout CommandComparison) throws(BenchError) {
        if let warmup { try Limits.check(warmup, in: Limits.warmup, "-w/--warmup") }
        for (value, option) in [(runs, "-r/--runs"), (minRuns, "-m/--min-runs"), (maxRuns, "-M/--max-runs")] {
            if let value { try Limits.check(value, in: Limits.runs, option) }
        }
        if let minRuns, let maxRuns, minRuns > maxRuns { throw .invalidValue("-m/--min-runs \(minRuns) is above -M/--max-runs \(maxRuns)") }
        comparison.warmup = warmup ?? 0
        if let runs {
            // Exact, as hyperfine's -r: no more runs for the time they take.
            comparison.runs = runs
            comparison.minTime = nil
        } else {
            comparison.runs = min(minRuns ?? 10, maxRuns ?? Int.max)
            comparison.maxRuns = maxRuns
        }
    }

    /// `-P` and `-L`, as the pre-pass joined them ("NAME MIN MAX", "NAME A,B,C").
    private func parameters() throws(BenchError) -> ParameterScan {
        var scan = ParameterScan()
        for range in parameterScan {
            let words = range.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard words.count == 3 else { throw .invalidValue("-P/--parameter-scan takes NAME MIN MAX, as in -P n 1 4") }
            try scan.addRange(words[0], min: words[1], max: words[2], step: stepSize)
        }
        if stepSize != nil && parameterScan.isEmpty { throw .invalidValue("-D/--parameter-step-size is the step of -P: give -P too") }
        for list in parameterList {
            guard let space = list.firstIndex(of: " ") else { throw .invalidValue("-L/--parameter-list takes NAME A,B,C, as in -L level 1,9") }
            try scan.addList(String(list[..<space]), String(list[list.index(after: space)...]))
        }
        return scan
    }

    /// A sentence naming a command name given twice, whose runs would merge.
    private func duplicateName(_ comparison: CommandComparison) -> String? {
        var seen = Set<ByteString>()
        for command in comparison.commands where !seen.insert(command.name).inserted {
            return "two commands are named '\(TerminalText.line(command.name))': name them apart with -n"
        }
        return nil
    }

    /// The arguments of `bench time` with each `-P NAME MIN MAX` and `-L NAME VALUES` made one
    /// option with one value (the words joined by a space), up to a `--`: the parser takes one
    /// value per option, and a value such as `-5` would look like an option to it.
    static func joiningParameters(_ arguments: [String]) -> [String] {
        guard arguments.first == "time" else { return arguments }
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" { return out + arguments[i...] }
            let takes = ["-P": 3, "--parameter-scan": 3, "-L": 2, "--parameter-list": 2][argument] ?? 0
            if takes > 0, i + takes < arguments.count, !arguments[(i + 1)...(i + takes)].contains("--") {
                out += [argument, arguments[(i + 1)...(i + takes)].joined(separator: " ")]
                i += takes + 1
            } else {
                out.append(argument)
                i += 1
            }
        }
        return out
    }
}
