/// Jobs written as shell command lines, for `--dry-run` and messages. bench never runs these
/// lines through a shell; they are what a person would paste to run the same command, and
/// pasting one runs that command and nothing else.
extension Job {
    /// `cd DIR && NAME=value program 'an argument' < FILE`: the job's working directory,
    /// environment overrides (sorted), argv and standard input file, each word quoted where a
    /// POSIX shell needs it. A relative input file is taken from the job's directory, as after
    /// the `cd`.
    public var shellLine: String {
        let env = environment.sorted { $0.key < $1.key }.map { ShellLine.quote($0.key) + "=" + ShellLine.quote($0.value) }
        let words = argv.enumerated().map { i, word in ShellLine.quote(word, commandWord: i == 0) }
        let input = stdinFile.map { ["<", ShellLine.quote($0)] } ?? []
        let command = (env + words + input).joined(separator: " ")
        guard let dir = workingDirectory else { return command }
        return "cd \(ShellLine.quote(dir)) && \(command)"
    }
}

/// POSIX shell quoting that keeps every byte: the result is one line of printable text.
public enum ShellLine {
    private static let plainPunctuation = Set("_-./=:,+@%".utf8)

    /// `word` as it is when it holds only characters no shell treats specially; else in single
    /// quotes; a word with control bytes, or bytes that are not UTF-8, in `$'...'` with `\xHH`
    /// escapes (bash, zsh, ksh and POSIX 2024 shells). A `commandWord` (the program) is quoted
    /// also when it holds `=` or starts with `%`, which would make it an assignment or a job.
    public static func quote(_ word: ByteString, commandWord: Bool = false) -> String {
        let bytes = word.bytes
        let plain =
            !bytes.isEmpty
            && bytes.allSatisfy { b in
                (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                    || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || plainPunctuation.contains(b)
            }
        let special = commandWord && (word.contains(UInt8(ascii: "=")) || bytes.first == UInt8(ascii: "%"))
        if plain && !special { return word.text }
        if word.isValidUTF8 && !TerminalText.hasControlCharacters(word.text) {
            return "'" + word.text.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        var out = "$'"
        for b in bytes {
            switch b {
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "'"): out += "\\'"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "\\x" + TerminalText.hex(b)
            }
        }
        return out + "'"
    }

    /// `quote` for a word given as text.
    public static func quote(_ word: String) -> String { quote(ByteString(word)) }
}
