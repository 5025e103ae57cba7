import BenchCore
import Glibc

/// Where a report or a chart goes, checked before anything runs and written so that nothing but
/// the named file ever changes:
///
/// - a regular file, or nothing yet: replaced whole or not at all (a temporary file beside it,
///   flushed, then renamed over it), keeping an existing file's permissions;
/// - a symbolic link: opened through the link, as the shell's `>` opens it, so that the kernel
///   makes every check it makes for a link (`fs.protected_symlinks` refuses another user's link
///   in a sticky world-writable folder); the file it names is written in place, or made if it
///   does not exist yet (so its directory must). bench never writes a path it resolved itself;
/// - a character device or a FIFO (`/dev/null`, a named pipe), and whatever an open descriptor
///   names (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`): written in place, never replaced (a
///   FIFO waits for its reader, as any writer does; a regular file behind a descriptor is truncated);
/// - anything else (a directory, a block device, a socket, a path that cannot be written, such
///   as one under `/proc`, or an empty one): refused.
struct OutputFile: Sendable, Equatable {
    /// The path as given (for messages).
    let path: ByteString
    /// `path` with symbolic links resolved: where a new file's directory is, and what identifies it.
    let resolved: ByteString
    /// True for a device, a FIFO, an open descriptor or a symbolic link: opened as given and written in place.
    let inPlace: Bool
    /// True for a symbolic link, whose target is made if it does not exist yet.
    let throughLink: Bool
    /// What identifies the file: its device and inode, or, for a file still to be made, its
    /// resolved directory and name.
    let identity: String

    /// Checks that `path` can be written now; `option` names the flag in the message.
    init(_ path: ByteString, option: String) throws(BenchError) {
        func refuse(_ why: String) -> BenchError { .io("cannot write \(option) '\(TerminalText.line(path))': \(why)") }
        self.path = path
        guard !path.isEmpty else { throw refuse("the path is empty") }
        guard !path.contains(0) else { throw refuse("the path holds a NUL byte") }
        var st = stat()
        guard let (target, descriptor) = Self.followLinks(path) else { throw refuse("it is a symbolic link in a loop") }
        resolved = target
        throughLink = !descriptor && target != path
        // stat through the link, as opening it will: the kernel refuses a link it protects.
        guard (throughLink ? path : resolved).withCString({ stat($0, &st) }) == 0 else {
            guard errno == ENOENT else { throw refuse(String(cString: strerror(errno))) }
            let directory = resolved.directoryPath
            var dirStat = stat()
            guard directory.withCString({ stat($0, &dirStat) }) == 0, (dirStat.st_mode & S_IFMT) == S_IFDIR else {
                throw refuse("no such directory '\(TerminalText.line(directory))'")
            }
            try Self.probe(directory, refuse)
            inPlace = throughLink
            identity = "new:" + (Self.realPath(directory)?.text ?? directory.text) + "/" + resolved.lastPathComponent.text
            return
        }
        identity = "\(st.st_dev):\(st.st_ino)"
        switch st.st_mode & S_IFMT {
        case S_IFREG where descriptor || throughLink:
            guard path.withCString({ access($0, W_OK) }) == 0 else { throw refuse(String(cString: strerror(errno))) }
            inPlace = true
        case S_IFREG:
            try Self.probe(resolved.directoryPath, refuse)
            inPlace = false
        case S_IFCHR, S_IFIFO:
            // Not opened here: opening a FIFO for writing and closing it would end its reader's input.
            guard path.withCString({ access($0, W_OK) }) == 0 else { throw refuse(String(cString: strerror(errno))) }
            inPlace = true
        case S_IFDIR: throw refuse("it is a directory")
        case S_IFBLK: throw refuse("it is a block device, which bench never writes a report to")
        default: throw refuse("it is not a regular file, a character device or a FIFO")
        }
    }

    /// A file a command reads (its script, a saved document), which no output may replace.
    struct Input {
        /// What it is to the command, for the message: "the script", "the baseline".
        let role: String
        /// Its path as given.
        let path: ByteString
    }

    /// Throws if one of `files` is one of `inputs` (by device and inode, so through any link or
    /// spelling): writing it would replace the only copy of what the command reads.
    static func checkNotInputs(_ files: [(option: String, file: OutputFile)], _ inputs: [Input]) throws(BenchError) {
        for input in inputs {
            var st = stat()
            guard input.path.withCString({ stat($0, &st) }) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            for (option, file) in files where file.identity == "\(st.st_dev):\(st.st_ino)" {
                throw .io(
                    "\(option) '\(TerminalText.line(file.path))' is \(input.role), '\(TerminalText.line(input.path))': "
                        + "writing it would replace what bench reads; give another file")
            }
        }
    }

    /// Throws if two of `files` are the same file (also through different spellings of its path).
    static func checkDistinct(_ files: [(option: String, file: OutputFile)]) throws(BenchError) {
        for (i, a) in files.enumerated() {
            for b in files[(i + 1)...] where a.file.identity == b.file.identity {
                throw .io(
                    "\(a.option) '\(TerminalText.line(a.file.path))' and \(b.option) '\(TerminalText.line(b.file.path))' are the same file; give each its own"
                )
            }
        }
    }

    /// Writes `contents`: in place for a device or a FIFO, else atomically. The temporary file is
    /// made through `cleanup`, so that a hard stop removes it too.
    func write(_ contents: ByteString, cleanup: Cleanup? = nil) throws(BenchError) {
        func failed(_ e: Int32) -> BenchError { .io("cannot write \(TerminalText.line(path)): \(String(cString: strerror(e)))") }
        if inPlace {
            let fd = path.withCString { open($0, O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC | (throughLink ? O_CREAT : 0), 0o666) }
            guard fd >= 0 else { throw failed(errno) }
            let written = writeAll(fd, contents.bytes)
            let e = errno
            close(fd)
            guard written else { throw failed(e) }
            return
        }
        let make = { () throws(BenchError) -> (fd: Int32, path: ByteString) in
            var template = (resolved.directoryPath + "/.bench-XXXXXX").cCharacters
            let fd = mkstemp(&template)
            guard fd >= 0 else { throw failed(errno) }
            return (fd, ByteString(cString: template))
        }
        let (fd, temporary): (fd: Int32, path: ByteString)
        if let cleanup { (fd, temporary) = try cleanup.creating(make, path: \.path) } else { (fd, temporary) = try make() }
        defer { cleanup?.forget(temporary) }
        let written = writeAll(fd, contents.bytes) && fsync(fd) == 0
        let e = errno
        close(fd)
        guard written else {
            _ = temporary.withCString { unlink($0) }
            throw failed(e)
        }
        var st = stat()
        let existing = resolved.withCString { lstat($0, &st) } == 0
        // Checked again just before the rename: only a regular file or nothing is ever replaced.
        guard !existing || (st.st_mode & S_IFMT) == S_IFREG else {
            _ = temporary.withCString { unlink($0) }
            throw .io("cannot write \(TerminalText.line(path)): it is no longer a regular file")
        }
        _ = temporary.withCString { chmod($0, existing ? st.st_mode & 0o7777 : Self.newFileMode()) }
        guard temporary.withCString({ t in resolved.withCString { rename(t, $0) } }) == 0 else {
            let e = errno
            _ = temporary.withCString { unlink($0) }
            throw failed(e)
        }
    }

    /// Throws unless a file can be made in `directory` now: one is made and removed.
    private static func probe(_ directory: ByteString, _ refuse: (String) -> BenchError) throws(BenchError) {
        var template = (directory + "/.bench-XXXXXX").cCharacters
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw refuse("cannot create a file in '\(TerminalText.line(directory))': \(String(cString: strerror(errno)))") }
        close(fd)
        unlink(template)
    }

    /// 0666 less the umask, as a new file gets.
    private static func newFileMode() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }

    /// `path` with every symbolic link along its last component followed (at most 40, as the
    /// kernel allows), so the result names a file that is not a link, or nothing yet; `nil` for a
    /// loop. A link to an open descriptor (`/proc/PID/fd/N`) is not followed further, as its
    /// target may be no path at all (`pipe:[…]`): `descriptor` says the path names one.
    private static func followLinks(_ path: ByteString) -> (path: ByteString, descriptor: Bool)? {
        var current = path
        for _ in 0..<40 {
            if isDescriptorLink(current) { return (current, true) }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = current.withCString { readlink($0, &buffer, buffer.count - 1) }
            guard n > 0 else { return (current, false) }  // not a link (or nothing there)
            let target = ByteString(cString: buffer)  // zeroed, one longer than readlink may fill
            current = target.bytes.first == UInt8(ascii: "/") ? target : current.directoryPath + "/" + target
        }
        return nil
    }

    /// `/proc/self/fd/N`, `/proc/PID/fd/N` or `/dev/fd/N`.
    private static func isDescriptorLink(_ path: ByteString) -> Bool {
        let parts = path.bytes.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        guard parts.count >= 3, parts.allSatisfy({ !$0.isEmpty }), Int(parts[parts.count - 1]) != nil, parts[parts.count - 2] == "fd" else {
            return false
        }
        return (parts.count == 4 && parts[0] == "proc") || (parts.count == 3 && parts[0] == "dev")
    }

    private static func realPath(_ path: ByteString) -> ByteString? {
        guard let p = path.withCString({ realpath($0, nil) }) else { return nil }
        defer { free(p) }
        return ByteString(cString: p)
    }
}
