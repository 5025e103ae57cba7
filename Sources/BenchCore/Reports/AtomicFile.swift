import Foundation
import Glibc

/// Writes files so that a reader never sees half of one: a temporary file in the same
/// directory, flushed, then renamed over the target.
public enum AtomicFile {
    /// Throws unless `path` can be written (its directory exists and is writable, and it is not
    /// a directory), so that a typo in `--output` costs nothing instead of the whole benchmark.
    /// `option` names the flag in the message.
    public static func checkWritable(_ path: String, option: String) throws(BenchError) {
        let dir = directory(of: path)
        var st = stat()
        guard stat(dir, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            throw .io("cannot write \(option) '\(path)': no such directory '\(dir)'")
        }
        guard access(dir, W_OK) == 0 else {
            throw .io("cannot write \(option) '\(path)': directory '\(dir)' is not writable (\(String(cString: strerror(errno))))")
        }
        if stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            throw .io("cannot write \(option) '\(path)': it is a directory")
        }
    }

    /// The directory `path` lands in: "." for a bare name, "/" for a file at the root.
    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Writes `contents` to `path`, replacing it whole or not at all.
    public static func write(_ contents: String, to path: String) throws(BenchError) {
        var template = Array((directory(of: path) + "/.bench-XXXXXX").utf8CString)
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
