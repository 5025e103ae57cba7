import Foundation
import Glibc

/// Looks processes up in `/proc`: a scan of every process, so only for rare paths (a dead
/// worker, the end of a batch, a hard stop).
enum ProcessTable {
    /// Sends SIGKILL to every process of session `sid` (whose leader is gone). Its members keep
    /// the session id after being orphaned, unless they called `setsid` themselves.
    static func killSession(_ sid: pid_t) {
        for pid in pids() where pid != getpid() && stat(of: pid)?.session == sid { kill(pid, SIGKILL) }
    }

    /// Sends SIGKILL to every process but this one whose environment holds `marker` (a
    /// `NAME=value` entry), and to the process group it leads, if it leads one; returns how many
    /// it found. A group or session is killed only through its own leader, so nothing outside
    /// the run (the shell's pipeline, the terminal's session) is ever touched.
    @discardableResult
    static func killMarked(_ marker: ByteString) -> Int {
        var found = 0
        for pid in pids() where pid != getpid() && environment(of: pid).contains(marker) {
            killLed(by: pid, sparingSession: nil)
            found += 1
        }
        return found
    }

    /// Kills `pid` with the process group it leads, if it leads one, and its session: the session
    /// it leads, or, when `sparingSession` is given, any session but that one.
    private static func killLed(by pid: pid_t, sparingSession: pid_t?) {
        if let st = stat(of: pid) {
            if st.session == pid || (sparingSession != nil && st.session != sparingSession) { killSession(st.session) }
            if st.group == pid { kill(-pid, SIGKILL) }
        }
        kill(pid, SIGKILL)
    }

    /// This process's children that it did not start itself: descendants whose parent died, given
    /// to bench because it is a child subreaper (a daemon's first fork). Those with `marker` in
    /// their environment are killed with the group they lead and their session (never bench's
    /// own); every such child is then reaped.
    /// Children in bench's own process group are the script's (`io.popen`) and are left alone.
    static func reapAdopted(marker: ByteString) {
        let me = getpid()
        let ownGroup = getpgrp()
        for pid in pids() {
            guard let st = stat(of: pid), st.parent == me, st.group != ownGroup else { continue }
            if st.state != "Z" {
                guard environment(of: pid).contains(marker) else { continue }
                // Any session but bench's own was made by the run's descendants (a daemon's).
                killLed(by: pid, sparingSession: getsid(0))
            }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
    }

    /// What `/proc/PID/stat` says of a process.
    struct Stat {
        let state: Character
        let parent: pid_t
        let group: pid_t
        let session: pid_t
    }

    /// Fields 3 to 6 of `/proc/PID/stat`, counted after the command's closing parenthesis
    /// because the command itself may hold spaces and parentheses. Read with plain system calls
    /// into a stack buffer: the sweep after every batch reads this for every process.
    static func stat(of pid: pid_t) -> Stat? {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { buffer -> Stat? in
            let n = read(fd, buffer.baseAddress, buffer.count)
            guard n > 0, let close = buffer[..<n].lastIndex(of: UInt8(ascii: ")")) else { return nil }
            let fields = buffer[(close + 1)..<n].split(separator: UInt8(ascii: " "), maxSplits: 5)
            func number(_ i: Int) -> pid_t? { pid_t(String(decoding: fields[i], as: UTF8.self)) }
            guard fields.count > 4, let state = fields[0].first, let parent = number(1), let group = number(2),
                let session = number(3)
            else { return nil }
            return Stat(state: Character(Unicode.Scalar(state)), parent: parent, group: group, session: session)
        }
    }

    /// The `NAME=value` entries of a process's environment (none if it cannot be read).
    private static func environment(of pid: pid_t) -> [ByteString] {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return [] }
        return data.split(separator: 0).map { ByteString(bytes: $0) }
    }

    /// Every process id in `/proc`.
    private static func pids() -> [pid_t] {
        guard let dir = opendir("/proc") else { return [] }
        defer { closedir(dir) }
        var found: [pid_t] = []
        while let entry = readdir(dir) {
            let pid = withUnsafeBytes(of: entry.pointee.d_name) { name -> pid_t? in
                pid_t(String(decoding: name.prefix { $0 != 0 }, as: UTF8.self))
            }
            if let pid { found.append(pid) }
        }
        return found
    }
}
