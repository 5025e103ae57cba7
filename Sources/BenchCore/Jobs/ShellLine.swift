import Foundation

/// Jobs written as shell command lines, for `--dry-run` and messages. bench never runs these
/// lines through a shell; they are what a person would type to run the same command.
extension Job {
    /// `cd DIR && NAME=value program 'an argument'`: the job's working directory, environment
    /// overrides (sorted) and argv, each word quoted only where a POSIX shell needs it.
    public var shellLine: String {
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(ShellLine.quote($0.value))" }
        let command = (env + argv.map(ShellLine.quote)).joined(separator: " ")
        guard let dir = workingDirectory else { return command }
        return "cd \(ShellLine.quote(dir)) && \(command)"
    }
}

/// POSIX shell quoting.
public enum ShellLine {
    /// `word` as is when it holds only characters no shell treats specially, else in single quotes.
    public static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { c in
            (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))) || "_-./=:,+@%".unicodeScalars.contains(c)
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
