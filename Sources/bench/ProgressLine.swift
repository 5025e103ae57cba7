import BenchCore
import Foundation
import Glibc
import Synchronization

/// A one-line progress display on stderr, redrawn ten times a second while a batch runs:
/// `async -j 2  run 2/5  87/128 jobs  12.3 s`. Only for a terminal; bench never draws it
/// when stderr is a file or a pipe, or with `--quiet`.
final class ProgressLine: Sendable {
    private struct State: Sendable {
        var label = ""
        var phase: BatchPhase?
        var jobs = 0
        var counter: JobCounter?
        var active = false
        var stopped = false
    }

    private let state = Mutex(State())
    private let started = MonotonicClock.now()

    /// A progress line if stderr is a terminal, else `nil`.
    static func forTerminal() -> ProgressLine? {
        isatty(2) != 0 ? ProgressLine() : nil
    }

    /// A progress line whatever stderr is (`bench time --style full`, as hyperfine's).
    static func always() -> ProgressLine { ProgressLine() }

    private init() {
        _ = OSThread.start { [self] in
            // Drawing happens under the lock, so that `clear()` clears the line after the last draw.
            while state.withLock({ s in
                guard !s.stopped else { return false }
                if s.active {
                    let done = s.counter?.value ?? 0
                    let phase = s.phase?.description ?? ""
                    let line = "\(s.label)  \(phase)  \(done)/\(s.jobs) jobs  \(String(format: "%.1f", MonotonicClock.now() - started)) s"
                    _ = writeAll(2, Array(("\r\u{1B}[2K" + line).utf8))
                }
                return true
            }) {
                usleep(100_000)
            }
        }  // no thread (a memory limit): no progress line, and nothing else changes
    }

    /// Shows what a measurement tells: a new batch, or that it is over.
    func show(_ event: ProgressEvent) {
        switch event {
        case .batch(let label, let phase, let jobs, let counter):
            state.withLock {
                $0.label = label
                $0.phase = phase
                $0.jobs = jobs
                $0.counter = counter
                $0.active = true
            }
        case .finished:
            state.withLock {
                if $0.active { _ = writeAll(2, Array("\r\u{1B}[2K".utf8)) }
                $0.active = false
            }
        }
    }

    /// Stops drawing for good and clears the line.
    func stop() {
        state.withLock {
            if $0.active { _ = writeAll(2, Array("\r\u{1B}[2K".utf8)) }
            $0.active = false
            $0.stopped = true
        }
    }
}
