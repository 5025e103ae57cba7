import Glibc

/// Writes all of `bytes` to a blocking descriptor; false if the reader has gone or it failed.
public func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
        if n > 0 { offset += n; continue }
        if n < 0 && errno == EINTR { continue }
        return false
    }
    return true
}

/// Reads newline-terminated lines from a blocking descriptor.
final class LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where each read lands, allocated once: a worker reads a line per job.
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    init(fd: Int32) { self.fd = fd }

    /// The next line without its newline, or `nil` at end of file (a last unterminated line is
    /// dropped), when `cancel` (a descriptor, or -1) becomes readable, or after `timeout` seconds.
    func next(cancel: Int32 = -1, timeout: Double? = nil) -> [UInt8]? {
        let deadline = timeout.map { MonotonicClock.now() + $0 }
        while true {
            if let nl = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                if start > 65_536 { buffer.removeFirst(start); start = 0 }
                return line
            }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: cancel, events: Int16(POLLIN), revents: 0)]
            let wait = MonotonicClock.pollTimeout(until: deadline)
            let ready = poll(&fds, 2, wait)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 || fds[1].revents != 0 { return nil }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            buffer += chunk[..<n]
        }
    }
}
