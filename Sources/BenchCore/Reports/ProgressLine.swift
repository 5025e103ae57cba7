import Foundation
import Glibc
import Synchronization

/// A one-line progress display on stderr, redrawn ten times a second while a batch runs:
/// `async -j 2  run 2/5  87/128 jobs  12.3 s`. Only for a terminal; bench never draws it
/// when stderr is a file or a pipe, or with `--quiet`.
public final class ProgressLine: Sendable {
    private struct State: Sendable {
        var label = ""
        var phase = ""
        var jobs = 0
        var counter: JobCounter?
        var active = false
        var stopped = false
    }

    private let state = Mutex(State())
    private let started = MonotonicClock.now()

    /// A progress line if stderr is a terminal, else `nil`.
    public static func forTerminal() -> ProgressLine? {
        isatty(2) != 0 ? ProgressLine() : nil
    }

    private init() {
        _ = OSThread.start { [self] in
            // Drawing happens under the lock, so that `end()` clears the line after the last draw.
            while state.withLock({ s in
                guard !s.stopped else { return false }
                if s.active {
                    let done = s.counter?.value ?? 0
                    let line = "\(s.label)  \(s.phase)  \(done)/\(s.jobs) jobs  \(format1(MonotonicClock.now() - started)) s"
                    _ = writeAll(2, Array(("\r\u{1B}[2K" + line).utf8))
                }
                return true
            }) {
                usleep(100_000)
            }
        }  // no thread (a memory limit): no progress line, and nothing else changes
    }

    /// Shows a new batch.
    public func begin(label: String, phase: String, jobs: Int, counter: JobCounter) {
        state.withLock {
            $0.label = label
            $0.phase = phase
            $0.jobs = jobs
            $0.counter = counter
            $0.active = true
        }
    }

    /// Stops drawing and clears the line.
    public func end() {
        state.withLock {
            $0.active = false
            $0.stopped = true
            _ = writeAll(2, Array("\r\u{1B}[2K".utf8))
        }
    }
}
