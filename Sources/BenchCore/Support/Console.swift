import Glibc

/// bench's two output streams. Reports go to stdout; diagnostics and progress to stderr.
///
/// Both write straight to the descriptors after flushing C's buffered streams, so that text
/// printed by Lua (`print`, `io.write`) and by bench comes out in the order it was produced.
public enum Console {
    /// Writes `text` and a newline to stdout.
    public static func out(_ text: String) { write(text + "\n", to: 1) }

    /// Writes `text` and a newline to stderr.
    public static func error(_ text: String) { write(text + "\n", to: 2) }

    private static func write(_ text: String, to fd: Int32) {
        fflush(nil)
        _ = writeAll(fd, Array(text.utf8))
    }
}
