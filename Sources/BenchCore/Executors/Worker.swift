import Foundation

/// The loop of a `processes` worker: reads jobs as JSON lines from `input`, runs each with the
/// blocking spawn layer, writes each result as a JSON line to `output`, until end of input.
public enum Worker {
    /// Serves jobs until `input` ends; returns the process exit status to use (0, or 1 on a broken channel).
    public static func serve(input: Int32 = 0, output: Int32 = 1) -> Int32 {
        let lines = LineReader(fd: input)
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        while let line = lines.next() {
            guard let job = try? decoder.decode(Job.self, from: Data(line)) else { return 1 }
            guard var answer = try? encoder.encode(Spawn.run(job)) else { return 1 }
            answer.append(UInt8(ascii: "\n"))
            guard writeAll(output, Array(answer)) else { return 1 }
        }
        return 0
    }
}
