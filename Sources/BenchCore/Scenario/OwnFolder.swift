import Glibc

/// The folder of its own that each job of a probe with `files` runs in: a private copy of a
/// recorded compile's directory and inputs, so that copies of one compile running at once never
/// share a file, and a compile that writes into its directory (`conftest.o`) writes there.
enum OwnFolder {
    /// Why `probe`'s files or working directory cannot be laid out, or `nil`: every path must be
    /// free of NUL bytes and stay inside the folder (`..` is resolved by its words, never above it).
    static func problem(_ probe: Probe) -> String? {
        let cwd = probe.workingDirectory ?? "/"
        guard let base = inside(cwd, under: "/") else { return "cwd '\(TerminalText.line(cwd))' must be a path without NUL bytes" }
        for path in (probe.files ?? [:]).keys.sorted() where inside(path, under: base) == nil {
            return "files: '\(TerminalText.line(path))' must be a path without NUL bytes that stays inside the job's folder"
        }
        return nil
    }

    /// Makes the job's folder in `files`' directory and lays the probe's files out in it; returns
    /// the folder (`{root}`) and the directory the job runs in.
    static func make(for probe: Probe, in files: inout WorkFiles) throws(BenchError) -> (root: ByteString, workingDirectory: ByteString) {
        let root = try files.folder(name: probe.name)
        let cwd = inside(probe.workingDirectory ?? "/", under: "/") ?? "/"
        try makeDirectories(root + cwd)
        for (path, bytes) in (probe.files ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let place = inside(path, under: cwd) else { continue }
            if path.bytes.last == UInt8(ascii: "/") {
                try makeDirectories(root + place)
            } else {
                try makeDirectories(root + place.directoryPath)
                try write(bytes, to: root + place)
            }
        }
        return (root, root + cwd)
    }

    /// `path` (relative to `base`, an absolute path already resolved) as an absolute path with
    /// `.`, `..` and repeated slashes resolved by its words; `nil` if it holds a NUL byte or
    /// climbs above `/`.
    static func inside(_ path: ByteString, under base: ByteString) -> ByteString? {
        guard !path.contains(0) else { return nil }
        let start = path.bytes.first == UInt8(ascii: "/") ? [] : base.bytes.split(separator: UInt8(ascii: "/")).map(Array.init)
        var words: [[UInt8]] = start
        for word in path.bytes.split(separator: UInt8(ascii: "/")) {
            if word.elementsEqual(".".utf8) { continue }
            if word.elementsEqual("..".utf8) {
                guard !words.isEmpty else { return nil }
                words.removeLast()
            } else {
                words.append(Array(word))
            }
        }
        let joined = ByteString(words.flatMap { [UInt8(ascii: "/")] + $0 })
        return joined.isEmpty ? "/" : joined
    }

    private static func makeDirectories(_ path: ByteString) throws(BenchError) {
        var sofar: [UInt8] = []
        for word in path.bytes.split(separator: UInt8(ascii: "/")) {
            sofar += [UInt8(ascii: "/")] + word
            if ByteString(sofar).withCString({ mkdir($0, 0o755) }) != 0 && errno != EEXIST {
                throw .io("cannot make \(TerminalText.line(ByteString(sofar))): \(String(cString: strerror(errno)))")
            }
        }
    }

    private static func write(_ bytes: ByteString, to path: ByteString) throws(BenchError) {
        let fd = path.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644) }
        guard fd >= 0 else { throw .io("cannot write \(TerminalText.line(path)): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard writeAll(fd, bytes.bytes) else { throw .io("cannot write \(TerminalText.line(path)): \(String(cString: strerror(errno)))") }
    }
}
