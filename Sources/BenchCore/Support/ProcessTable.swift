import Foundation
import Glibc

/// Looks processes up in `/proc`: slow (a scan of every process), so only for rare paths.
enum ProcessTable {
    /// Sends SIGKILL to every process of session `sid` (whose leader is gone). Its members keep
    /// the session id after being orphaned, unless they called `setsid` themselves.
    static func killSession(_ sid: pid_t) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        for entry in entries {
            guard let pid = pid_t(entry), pid != getpid(), session(of: pid) == sid else { continue }
            kill(pid, SIGKILL)
        }
    }

    /// The session id of `pid`: field 6 of `/proc/PID/stat`, counted after the command's closing
    /// parenthesis because the command itself may hold spaces and parentheses.
    static func session(of pid: pid_t) -> pid_t? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After ")": state, ppid, pgrp, session.
        return fields.count > 3 ? pid_t(fields[3]) : nil
    }
}
