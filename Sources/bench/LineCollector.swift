import Synchronization

/// Lines kept in order as a script writes them, to be shown later (`bench info` prints the
/// recipe's parameters before what its dry run printed).
final class LineCollector: Sendable {
    private let store = Mutex<[String]>([])

    /// Keeps `line`.
    func append(_ line: String) { store.withLock { $0.append(line) } }

    /// Every line so far.
    var lines: [String] { store.withLock { $0 } }
}
