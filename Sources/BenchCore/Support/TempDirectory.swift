import Foundation
import Glibc

/// A private directory for one run's sources and outputs, removed with everything in it by `remove()`.
public final class TempDirectory: Sendable {
    /// The directory's absolute path.
    public let path: ByteString

    /// Creates `PARENT/bench-XXXXXX` (mode 0700), in `parent` if given, else in `$TMPDIR` or `/tmp`.
    public init(in parent: ByteString? = nil) throws(BenchError) {
        let tmpdir = getenv("TMPDIR").map { ByteString(cString: $0) }
        let base: ByteString = parent.flatMap { $0.isEmpty ? nil : $0 } ?? tmpdir.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = (base + "/bench-XXXXXX").cCharacters
        guard mkdtemp(&template) != nil else {
            throw .io("cannot create a temporary directory in \(TerminalText.line(base)): \(String(cString: strerror(errno)))")
        }
        path = ByteString(cString: template)
    }

    /// Writes `contents` to `name` inside the directory, byte for byte, and returns its path.
    public func write(_ name: ByteString, _ contents: ByteString) throws(BenchError) -> ByteString {
        let file = path + "/" + name
        let fd = file.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { throw .io("cannot write \(TerminalText.line(file)): \(String(cString: strerror(errno)))") }
        let written = writeAll(fd, contents.bytes)
        let e = errno
        close(fd)
        guard written else { throw .io("cannot write \(TerminalText.line(file)): \(String(cString: strerror(e)))") }
        return file
    }

    /// Removes the directory and all it holds, staying on its own file system: see `FileTree.remove`.
    /// Returns what could not be removed, with the reason.
    @discardableResult
    public func remove() -> [String] { FileTree.remove(path) }
}
