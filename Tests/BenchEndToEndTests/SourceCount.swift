import BenchTestSupport
import Foundation
import Glibc
import Synchronization

/// Watches a run's `TMPDIR` on a thread of its own, every few milliseconds until `stop`, and
/// keeps the most files any directory in it held: how far bench got writing sources, even after
/// it removed them.
final class SourceCount: Sendable {
    private struct State {
        var most = 0
        var stopped = false
    }
    private let state = Mutex(State())

    init(in tmp: String) {
        Thread { [self] in
            while !state.withLock({ $0.stopped }) {
                let count = Self.filesInFullestDirectory(of: tmp)
                state.withLock { $0.most = max($0.most, count) }
                usleep(2_000)
            }
        }.start()
    }

    /// How many files the fullest directory in `tmp` holds now (0 if it has none).
    static func filesInFullestDirectory(of tmp: String) -> Int {
        let runs = (try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? []
        return runs.map { (try? FileManager.default.contentsOfDirectory(atPath: tmp + "/" + $0))?.count ?? 0 }.max() ?? 0
    }

    /// The most files one directory held so far.
    var most: Int { state.withLock { $0.most } }

    /// Ends the watching.
    func stop() { state.withLock { $0.stopped = true } }
}
