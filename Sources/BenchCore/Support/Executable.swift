import Glibc

/// Looking programs up the way `posix_spawnp` will.
public enum Executable {
    /// The path `name` runs as: itself if it holds a `/` and is executable, else the first
    /// executable file of that name in `search` (a `PATH`; bench's own when `nil`); `nil` if
    /// there is none.
    public static func which(_ name: ByteString, in search: ByteString? = nil) -> ByteString? {
        guard !name.isEmpty, !name.contains(0) else { return nil }
        if name.containsSlash { return isExecutableFile(name) ? name : nil }
        let path = search ?? getenv("PATH").map { ByteString(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false) {
            let candidate = ByteString(dir.isEmpty ? Array(".".utf8) : Array(dir)) + "/" + name
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: ByteString) -> Bool {
        var st = stat()
        return path.withCString { access($0, X_OK) == 0 && stat($0, &st) == 0 } && (st.st_mode & S_IFMT) == S_IFREG
    }
}
