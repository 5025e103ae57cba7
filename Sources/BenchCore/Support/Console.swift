import CSystem
import Glibc

/// bench's two output streams. Reports go to stdout; diagnostics and progress to stderr.
///
/// Both write straight to the descriptors after flushing C's buffered streams, so that text
/// printed by Lua (`print`, `io.write`) and by bench comes out in the order it was produced.
public enum Console {
    /// Writes `text` and a newline to stdout; false if it could not (a closed pipe: EPIPE).
    @discardableResult
    public static func out(_ text: String) -> Bool { write(Array(text.utf8) + [10], to: 1) }

    /// Writes `bytes` as they are to stdout; false if it could not.
    @discardableResult
    public static func out(_ bytes: ByteString) -> Bool { write(bytes.bytes, to: 1) }

    /// Writes `text` and a newline to stderr, control characters shown as `\xHH` (newlines and
    /// tabs kept), so that a message quoting a script or a program cannot drive the terminal.
    public static func error(_ text: String) { _ = write(Array(TerminalText.lines(ByteString(text)).utf8) + [10], to: 2) }

    /// Why C's stdout (Lua's `print`, `io.write`) could not be written, once flushed: nil when
    /// all of it was; EPIPE when its reader went away; `EIO` when an earlier write failed and
    /// its reason is gone.
    public static func stdoutFailure() -> Int32? {
        let failure = bench_stdout_failure()
        return failure == 0 ? nil : failure
    }

    private static func write(_ bytes: [UInt8], to fd: Int32) -> Bool {
        fflush(nil)
        return writeAll(fd, bytes)
    }
}
