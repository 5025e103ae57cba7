import Glibc

/// The file a job reads as its standard input (`Job.stdinFile`, `bench time --input`), opened
/// one way wherever it is opened.
public enum InputFile {
    /// A descriptor open for reading on `path` (close-on-exec), or why not: `.inputFile` with
    /// the errno (`EISDIR` for a directory, which every read would fail on), `.nulByte` for a
    /// path no system call can take.
    public static func open(_ path: ByteString) -> Result<Int32, SpawnError> {
        guard !path.contains(0) else { return .failure(.nulByte("the standard input file's path")) }
        let fd = path.withCString { Glibc.open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            let e = errno
            return .failure(.inputFile(path.text, errno: e))
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR else {
            let e = (st.st_mode & S_IFMT) == S_IFDIR ? EISDIR : errno
            close(fd)
            return .failure(.inputFile(path.text, errno: e))
        }
        return .success(fd)
    }
}
