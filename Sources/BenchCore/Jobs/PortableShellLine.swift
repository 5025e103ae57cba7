/// One line of POSIX `sh` (dash included) that runs a command with every byte of its words as
/// it is, for the reference runners: ninja, make and xargs hand each job to `/bin/sh -c`, one
/// line per job. A word a single quote can hold is quoted so; a word with a control byte (a
/// newline would end the line) or a byte that is not UTF-8 needs `$'…'`, which dash lacks, so
/// `printf` makes it into a variable first (a trailing `_` keeps its final newlines).
struct PortableShellLine {
    private var assignments: [String] = []

    /// An empty line.
    init() {}

    /// `word` as a shell word of this line; a `commandWord` (the program) is quoted also where
    /// it would be an assignment.
    mutating func word(_ word: ByteString, commandWord: Bool = false) -> String {
        if word.isValidUTF8 && !TerminalText.hasControlCharacters(word.text) { return ShellLine.quote(word, commandWord: commandWord) }
        let name = "bench_word\(assignments.count + 1)"
        let octal = word.bytes.map { b in
            let digits = String(b, radix: 8)
            return "\\" + String(repeating: "0", count: 3 - digits.count) + digits
        }.joined()
        assignments.append("\(name)=$(printf '\(octal)_'); \(name)=${\(name)%_}")
        return "\"$\(name)\""
    }

    /// The line: the words' assignments, then `command`, which holds words of this line.
    func line(_ command: String) -> String { (assignments + [command]).joined(separator: "; ") }
}
