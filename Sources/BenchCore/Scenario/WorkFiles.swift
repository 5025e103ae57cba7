import Glibc

/// The files of a run's jobs inside its private directory: each source written once, each
/// output a name of its own. Names come from probe names made safe (`sys/inotify.h` becomes
/// `sys_inotify.h`), so any probe name works, and a number keeps two of them from colliding.
public struct WorkFiles: Sendable {
    /// The directory everything goes in.
    public let directory: TempDirectory
    private var sources: [ByteString: ByteString] = [:]
    private var outputs = 0

    /// Files in `directory`.
    public init(directory: TempDirectory) {
        self.directory = directory
    }

    /// The path of a file holding `source`, named after `name` with `ext`; written on first use,
    /// and shared by every job with the same name, extension and contents.
    public mutating func source(name: ByteString, ext: ByteString, contents: ByteString) throws(BenchError) -> ByteString {
        let stem = Self.stem(name)
        var file = stem + ext
        var n = 1
        while let existing = sources[file], existing != contents {
            n += 1
            file = stem + ByteString("-\(n)") + ext
        }
        if sources[file] == nil {
            _ = try directory.write(file, contents)
            sources[file] = contents
        }
        return directory.path + "/" + file
    }

    /// A fresh output path, never given out before: every job writes its own file.
    public mutating func output(name: ByteString) -> ByteString {
        outputs += 1
        return directory.path + "/" + Self.stem(name) + ByteString("-\(outputs).out")
    }

    /// A fresh, empty folder, never given out before: a job's folder of its own (`OwnFolder`).
    public mutating func folder(name: ByteString) throws(BenchError) -> ByteString {
        outputs += 1
        let path = directory.path + "/" + Self.stem(name) + ByteString("-\(outputs).root")
        guard path.withCString({ mkdir($0, 0o755) }) == 0 else {
            throw .io("cannot make \(TerminalText.line(path)): \(String(cString: strerror(errno)))")
        }
        return path
    }

    /// `name` as a file name: letters, digits, `.`, `_` and `-` kept, anything else `_`, at most
    /// 48 bytes, never starting with `.` or `-`.
    static func stem(_ name: ByteString) -> ByteString {
        var out: [UInt8] = []
        for b in name.bytes.prefix(48) {
            let safe = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x2E || b == 0x5F || b == 0x2D
            out.append(safe ? b : 0x5F)
        }
        if out.isEmpty { return "probe" }
        if out[0] == 0x2E || out[0] == 0x2D { out[0] = 0x5F }
        return ByteString(out)
    }
}
