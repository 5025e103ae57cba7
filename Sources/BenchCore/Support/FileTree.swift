import CSystem
import Glibc

/// Removing a run's directory tree without ever leaving it: no symbolic link is followed (a
/// link is removed, not what it points to), and no directory mounted from elsewhere is entered
/// (another file system, or a bind mount of this one): such a mount point is left as it is.
public enum FileTree {
    /// How deep `remove` descends; deeper directories are left, as a tree that deep is no run's.
    static let maxDepth = 64

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
            removeContents(of: fd, at: path, root: root, depth: 1, left: &left)
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

    /// Removes what the directory open as `fd` holds, then closes `fd`.
    private static func removeContents(of fd: Int32, at path: ByteString, root: Mount, depth: Int, left: inout [String]) {
        guard let dir = fdopendir(fd) else {
            close(fd)
            left.append("\(TerminalText.line(path)): cannot read it: \(String(cString: strerror(errno)))")
            return
        }
        defer { closedir(dir) }
        var names: [ByteString] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { ByteString(bytes: $0.prefix { $0 != 0 }) }
            if name != "." && name != ".." { names.append(name) }
        }
        for name in names {
            let child = path + "/" + name
            var st = stat()
            guard name.withCString({ fstatat(fd, $0, &st, AT_SYMLINK_NOFOLLOW) }) == 0 else { continue }
            guard (st.st_mode & S_IFMT) == S_IFDIR else {
                if name.withCString({ unlinkat(fd, $0, 0) }) != 0 && errno != ENOENT {
                    left.append("\(TerminalText.line(child)): \(String(cString: strerror(errno)))")
                }
                continue
            }
            let sub = name.withCString { openat(fd, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            guard sub >= 0 else { continue }
            guard Mount(fd: sub, device: st.st_dev) == root else {
                close(sub)
                left.append("\(TerminalText.line(child)): a mount point (another file system or a bind mount); left as it is")
                continue
            }
            guard depth < maxDepth else {
                close(sub)
                left.append("\(TerminalText.line(child)): more than \(maxDepth) directories deep; left as it is")
                continue
            }
            let before = left.count
            removeContents(of: sub, at: child, root: root, depth: depth + 1, left: &left)
            if name.withCString({ unlinkat(fd, $0, AT_REMOVEDIR) }) != 0 && errno != ENOENT && left.count == before {
                left.append("\(TerminalText.line(child)): \(String(cString: strerror(errno)))")
            }
        }
    }
}
