import CSystem
import Glibc

/// Removing a run's directory tree without ever leaving it: no symbolic link is followed (a
/// link is removed, not what it points to), and no directory mounted from elsewhere is entered
/// (another file system, or a bind mount of this one): such a mount point is left as it is.
/// Trees of any depth are removed with two descriptors open at most: the walk goes down one
/// directory at a time and back up through `..`, checking that it is where it came from.
public enum FileTree {
    /// Removes `path` and everything below it on the same mount. Returns one sentence for each
    /// thing it left, with the reason; nothing when the tree is gone (or never existed).
    @discardableResult
    public static func remove(_ path: ByteString) -> [String] {
        var left: [String] = []
        for _ in 0..<3 {
            left = []
            let fd = path.withCString { open($0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            if fd < 0 {
                if errno == ENOENT { return [] }
                if errno == ENOTDIR || errno == ELOOP {  // a file or a link: remove it, not its target
                    if path.withCString({ unlink($0) }) == 0 || errno == ENOENT { return [] }
                }
                return ["\(TerminalText.line(path)): \(String(cString: strerror(errno)))"]
            }
            var st = stat()
            fstat(fd, &st)
            let root = Mount(fd: fd, device: st.st_dev)
            removeContents(of: fd, at: path, root: root, left: &left)
            if path.withCString({ rmdir($0) }) == 0 || errno == ENOENT { return [] }
            // Not empty: something was left (said below), or a process still wrote into it; try again.
            if !left.isEmpty { break }
        }
        return left.isEmpty ? ["\(TerminalText.line(path)): \(String(cString: strerror(errno)))"] : left
    }

    /// Which mount a directory is on: its device, and the kernel's mount id where it has one.
    private struct Mount: Equatable {
        let device: dev_t
        let id: UInt64?

        init(fd: Int32, device: dev_t) {
            self.device = device
            var id: UInt64 = 0
            self.id = bench_mount_id(fd, &id) == 0 ? id : nil
        }
    }

    /// A directory the walk is in: its path (for messages), its name in its parent, which file
    /// it is, the subdirectories it cannot remove, and how much was left when the walk entered it.
    private struct Level {
        let path: ByteString
        let name: ByteString
        let id: FileID
        var kept: Set<ByteString> = []
        let leftBefore: Int
    }

    /// A file's device and inode.
    private struct FileID: Equatable {
        let device: dev_t
        let inode: ino_t

        init?(_ fd: Int32) {
            var st = stat()
            guard fstat(fd, &st) == 0 else { return nil }
            device = st.st_dev
            inode = st.st_ino
        }
    }

    /// Removes what the directory open as `fd` holds, then closes `fd`.
    private static func removeContents(of top: Int32, at path: ByteString, root: Mount, left: inout [String]) {
        guard let id = FileID(top) else { close(top); return }
        var fd = top
        var levels = [Level(path: path, name: "", id: id, leftBefore: left.count)]
        while true {
            if let (sub, name) = descend(fd, &levels[levels.count - 1], root: root, left: &left) {
                close(fd)
                fd = sub
                guard let id = FileID(sub) else { break }
                levels.append(Level(path: levels[levels.count - 1].path + "/" + name, name: name, id: id, leftBefore: left.count))
                continue
            }
            guard levels.count > 1 else { break }
            let done = levels.removeLast()
            let parent = openat(fd, "..", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            close(fd)
            fd = parent
            guard parent >= 0, FileID(parent) == levels[levels.count - 1].id else {
                left.append("\(TerminalText.line(done.path)): moved while it was being removed; left as it is")
                break
            }
            if done.name.withCString({ unlinkat(fd, $0, AT_REMOVEDIR) }) != 0 && errno != ENOENT {
                if left.count == done.leftBefore { left.append("\(TerminalText.line(done.path)): \(String(cString: strerror(errno)))") }
                levels[levels.count - 1].kept.insert(done.name)
            }
        }
        if fd >= 0 { close(fd) }
    }

    /// Removes every file of the directory open as `fd` (not its subdirectories), and opens the
    /// first subdirectory still to remove, with its name; `nil` when none is left. What cannot be
    /// removed (a mount point, a directory that cannot be opened, a file that cannot be
    /// unlinked) is said in `left` once and kept.
    private static func descend(_ fd: Int32, _ level: inout Level, root: Mount, left: inout [String]) -> (Int32, ByteString)? {
        for name in entries(fd, at: level.path, left: &left) where !level.kept.contains(name) {
            let child = level.path + "/" + name
            var st = stat()
            guard name.withCString({ fstatat(fd, $0, &st, AT_SYMLINK_NOFOLLOW) }) == 0 else { continue }
            guard (st.st_mode & S_IFMT) == S_IFDIR else {
                if name.withCString({ unlinkat(fd, $0, 0) }) != 0 && errno != ENOENT {
                    left.append("\(TerminalText.line(child)): \(String(cString: strerror(errno)))")
                    level.kept.insert(name)
                }
                continue
            }
            let sub = name.withCString { openat(fd, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            guard sub >= 0 else {
                left.append("\(TerminalText.line(child)): cannot open it: \(String(cString: strerror(errno)))")
                level.kept.insert(name)
                continue
            }
            guard Mount(fd: sub, device: st.st_dev) == root else {
                close(sub)
                left.append("\(TerminalText.line(child)): a mount point (another file system or a bind mount); left as it is")
                level.kept.insert(name)
                continue
            }
            return (sub, name)
        }
        return nil
    }

    /// The names in the directory open as `fd`, read from its start (the descriptor stays open).
    private static func entries(_ fd: Int32, at path: ByteString, left: inout [String]) -> [ByteString] {
        let copy = dup(fd)
        guard copy >= 0, lseek(copy, 0, SEEK_SET) >= 0, let dir = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            left.append("\(TerminalText.line(path)): cannot read it: \(String(cString: strerror(errno)))")
            return []
        }
        defer { closedir(dir) }
        var names: [ByteString] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { ByteString(bytes: $0.prefix { $0 != 0 }) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
