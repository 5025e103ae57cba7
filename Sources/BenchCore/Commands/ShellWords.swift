/// A command line split into words as a POSIX shell splits a simple command, without running a
/// shell: what `bench time -N` (hyperfine's `--shell=none`) does with `'gzip -9 -c "my file"'`.
public enum ShellWords {
    /// Why a line cannot be split.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// A `'` or `"` that is never closed.
        case unterminatedQuote(UInt8)
        /// A line with no words at all.
        case empty

        /// The problem in a sentence.
        public var description: String {
            switch self {
            case .unterminatedQuote(let q): return "a \(q == UInt8(ascii: "'") ? "single" : "double") quote is not closed"
            case .empty: return "there is no command"
            }
        }
    }

    /// The words of `line`: split at blanks (space, tab, newline) outside quotes; `'...'` keeps
    /// every byte, `"..."` every byte but `\` before `"`, `\`, `$` or a backquote; a `\`
    /// outside quotes keeps the next byte. No expansion of any kind (no `$VAR`, no `*`).
    public static func split(_ line: ByteString) throws(Problem) -> [ByteString] {
        var words: [ByteString] = []
        var word: [UInt8] = []
        var inWord = false
        var bytes = line.bytes[...]
        while let b = bytes.popFirst() {
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"):
                if inWord { words.append(ByteString(bytes: word)) }
                (word, inWord) = ([], false)
            case UInt8(ascii: "'"):
                guard let end = bytes.firstIndex(of: b) else { throw .unterminatedQuote(b) }
                word += bytes[..<end]
                bytes = bytes[(end + 1)...]
                inWord = true
            case UInt8(ascii: "\""):
                word += try doubleQuoted(&bytes)
                inWord = true
            case UInt8(ascii: "\\"):
                if let next = bytes.popFirst(), next != UInt8(ascii: "\n") { word.append(next) }
                inWord = true
            default:
                word.append(b)
                inWord = true
            }
        }
        if inWord { words.append(ByteString(bytes: word)) }
        guard !words.isEmpty else { throw .empty }
        return words
    }

    /// The bytes of a `"..."` after its opening quote, consuming the closing one.
    private static func doubleQuoted(_ bytes: inout ArraySlice<UInt8>) throws(Problem) -> [UInt8] {
        let escapable = Set("\"\\$`".utf8)
        var out: [UInt8] = []
        while let b = bytes.popFirst() {
            if b == UInt8(ascii: "\"") { return out }
            if b == UInt8(ascii: "\\"), let next = bytes.first, escapable.contains(next) {
                out.append(next)
                bytes.removeFirst()
            } else {
                out.append(b)
            }
        }
        throw .unterminatedQuote(UInt8(ascii: "\""))
    }
}
