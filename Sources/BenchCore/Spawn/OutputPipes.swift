import CSystem
import Glibc

/// The two pipes a child's standard output and error go to. They can be made before the child
/// is known, so that a runner makes the next child's pipes while the current child runs rather
/// than between one child's exit and the next one's start.
///
/// All four ends are close-on-exec; the parent's read ends are non-blocking, the child's write
/// ends blocking (the child gets them as its descriptors 1 and 2). Whoever holds a value owns
/// its descriptors and closes each once.
struct OutputPipes {
    /// The parent's end of the child's stdout.
    let stdoutRead: Int32
    /// The child's stdout.
    let stdoutWrite: Int32
    /// The parent's end of the child's stderr.
    let stderrRead: Int32
    /// The child's stderr.
    let stderrWrite: Int32

    /// No pipes at all: what a job that discards its output gets, whose child writes to
    /// /dev/null and whose parent reads nothing, so that nothing is made or closed for it.
    static let none = OutputPipes(stdoutRead: -1, stdoutWrite: -1, stderrRead: -1, stderrWrite: -1)

    /// The pipes `job` needs: none when it discards its output or shares bench's, fresh ones otherwise.
    static func make(for job: Job) -> Result<OutputPipes, SpawnError> {
        job.discardsOutput || job.sharesOutput ? .success(.none) : make()
    }

    /// Makes both pipes, or says which call failed (descriptor limits, mostly).
    static func make() -> Result<OutputPipes, SpawnError> {
        guard let out = pipe() else { return .failure(.system(call: "pipe", errno: errno)) }
        guard let err = pipe() else {
            let e = errno
            close(out.read)
            close(out.write)
            return .failure(.system(call: "pipe", errno: e))
        }
        _ = bench_set_pipe_nonblocking(out.read)
        _ = bench_set_pipe_nonblocking(err.read)
        return .success(OutputPipes(stdoutRead: out.read, stdoutWrite: out.write, stderrRead: err.read, stderrWrite: err.write))
    }

    /// One close-on-exec pipe, made without allocating.
    static func pipe() -> (read: Int32, write: Int32)? {
        var ends: (Int32, Int32) = (-1, -1)
        let rc = withUnsafeMutableBytes(of: &ends) { bench_pipe($0.baseAddress!.assumingMemoryBound(to: Int32.self)) }
        return rc == 0 ? (ends.0, ends.1) : nil
    }

    /// Closes the child's ends, once the child no longer needs the parent to hold them.
    func closeWriteEnds() {
        if stdoutWrite >= 0 { close(stdoutWrite) }
        if stderrWrite >= 0 { close(stderrWrite) }
    }

    /// Closes all four ends: pipes that no child got.
    func closeAll() {
        closeWriteEnds()
        if stdoutRead >= 0 { close(stdoutRead) }
        if stderrRead >= 0 { close(stderrRead) }
    }
}
