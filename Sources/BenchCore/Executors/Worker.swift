import Foundation

/// The loop of a `processes` worker: reads jobs as JSON lines from `input`, runs each with the
/// blocking spawn layer, writes each result as a JSON line to `output`, until end of input.
public enum Worker {
    /// Serves jobs until `input` ends or `cancellation` is cancelled (SIGTERM from the parent,
    /// or the parent's death), which kills the running job's process group. Returns the exit
    /// status to use: 0, 1 on a broken channel, 128 + the signal when cancelled.
    public static func serve(input: Int32 = 0, output: Int32 = 1, cancellation: Cancellation? = nil) -> Int32 {
        let lines = LineReader(fd: input)
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let line = lines.next(cancel: cancellation?.descriptor ?? -1) {
            guard let job = try? decoder.decode(Job.self, from: Data(line)) else { return 1 }
            guard var answer = try? encoder.encode(Spawn.run(job, cancellation: cancellation)) else { return 1 }
            answer.append(UInt8(ascii: "\n"))
            guard writeAll(output, Array(answer)) else { return 1 }
        }
        return cancellation?.exitStatus ?? 0
    }
}
