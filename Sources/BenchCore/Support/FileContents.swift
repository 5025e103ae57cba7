import Glibc

/// Reading a whole file as bytes.
public enum FileContents {
    /// The most bytes `read` takes: a result document of a million jobs is far smaller.
    public static let limit = 256 << 20

    /// The bytes of the file at `path`; the error says why it cannot be read. A regular file
    /// over the limit is refused before any of it is read, and one under it is read into memory
    /// its own size (a pipe's bytes into memory that grows as they come).
    public static func read(_ path: ByteString) throws(BenchError) -> ByteString {
        func failed(_ why: String) -> BenchError { .io("cannot read \(TerminalText.line(path)): \(why)") }
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw failed(String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failed(String(cString: strerror(errno))) }
        guard (st.st_mode & S_IFMT) != S_IFDIR else { throw failed("it is a directory") }
        let regular = (st.st_mode & S_IFMT) == S_IFREG
        guard !regular || st.st_size <= limit else { throw failed("it is larger than \(limit >> 20) MiB") }
        var bytes: [UInt8] = []
        if regular { bytes.reserveCapacity(Int(st.st_size) + 1) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw failed(String(cString: strerror(errno))) }
            if n == 0 { break }
            bytes += buffer[0..<n]
            guard bytes.count <= limit else { throw failed("it is larger than \(limit >> 20) MiB") }
        }
        return ByteString(bytes)
    }
}
