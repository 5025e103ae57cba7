/// Text that is safe to show: what bench prints of names, versions and messages that came from
/// scripts and programs. Control characters (ESC, NUL, C1 controls, and newlines where a line is
/// expected) are shown as `\x1B`, never sent, so a probe name or a compiler's version line
/// cannot move the cursor, change colours or hide text in a table, a terminal or Markdown.
public enum TerminalText {
    /// `bytes` as one line of printable text: invalid UTF-8 becomes U+FFFD and every control
    /// character (a newline and a tab too) becomes `\xHH`.
    public static func line(_ bytes: ByteString) -> String { line(bytes.text) }

    /// `text` as one line: every control character becomes `\xHH`.
    public static func line(_ text: String) -> String { escape(text, keeping: []) }

    /// `bytes` as printable lines: like `line`, but newlines and tabs are kept.
    public static func lines(_ bytes: ByteString) -> String { escape(bytes.text, keeping: ["\n", "\t"]) }

    /// True when `text` holds a character that `line` would escape.
    public static func hasControlCharacters(_ text: String) -> Bool { text.unicodeScalars.contains(where: isControl) }

    /// Two upper-case hexadecimal digits.
    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    private static func isControl(_ c: Unicode.Scalar) -> Bool { c.value < 0x20 || (0x7F...0x9F).contains(c.value) }

    private static func escape(_ text: String, keeping kept: Set<Unicode.Scalar>) -> String {
        guard hasControlCharacters(text) else { return text }
        var out = ""
        for c in text.unicodeScalars {
            if isControl(c) && !kept.contains(c) {
                out += "\\x" + hex(UInt8(c.value))  // every control character is at most U+009F
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
