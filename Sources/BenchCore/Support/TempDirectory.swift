import Foundation

/// A private directory for one run's sources and outputs, removed with everything in it by `remove()`.
public final class TempDirectory: Sendable {
    /// The directory's absolute path.
    public let path: String

    /// Creates `$TMPDIR/bench-XXXXXX` (mode 0700).
    public init() throws(BenchError) {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/bench-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .io("cannot create a temporary directory in \(base): \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    /// Writes `contents` to `name` inside the directory and returns its path.
    public func write(_ name: String, _ contents: String) throws(BenchError) -> String {
        let file = path + "/" + name
        do {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: file))
        } catch {
            throw .io("cannot write \(file): \(error.localizedDescription)")
        }
        return file
    }

    /// Removes the directory and all it holds.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
