import Foundation
import Glibc

/// Writes files so that a reader never sees half of one: a temporary file in the same
/// directory, flushed, then renamed over the target.
public enum AtomicFile {
    /// Writes `contents` to `path`, replacing it whole or not at all.
    public static func write(_ contents: String, to path: String) throws(BenchError) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var template = Array(((directory.isEmpty ? "/" : directory) + "/.bench-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw .io("cannot write \(path): \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let written = writeAll(fd, Array(contents.utf8)) && fsync(fd) == 0
        let e = errno
        close(fd)
        guard written else {
            unlink(temporary)
            throw .io("cannot write \(path): \(String(cString: strerror(e)))")
        }
        _ = chmod(temporary, 0o644)
        guard rename(temporary, path) == 0 else {
            let e = errno
            unlink(temporary)
            throw .io("cannot write \(path): \(String(cString: strerror(e)))")
        }
    }
}
