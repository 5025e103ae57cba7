import Glibc

/// The guardian of a run (bench's hidden `guard` mode): it outlives bench only to clean up after
/// a bench that was killed outright (SIGKILL), which can do nothing itself.
public enum Guardian {
    /// Reads `Cleanup`'s records from `input` until end of file. If the run said `done`, returns
    /// at once; otherwise bench died: kills every process carrying `marker` and removes every
    /// temporary still registered. Returns the exit status.
    public static func serve(marker: ByteString, input: Int32 = 0) -> Int32 {
        var temporaries = Set<ByteString>()
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            pending += chunk[..<n]
            while let end = pending.firstIndex(of: 0) {
                let record = Array(pending[..<end])
                pending.removeFirst(end + 1)
                if record == Array("done".utf8) { return 0 }
                guard let word = record.first else { continue }
                let path = ByteString(Array(record.dropFirst()))
                if word == UInt8(ascii: "+") { temporaries.insert(path) } else { temporaries.remove(path) }
            }
        }
        Cleanup.killEverything(marker)
        _ = Cleanup.remove(temporaries, within: Cleanup.removalGrace)
        return 0
    }
}
