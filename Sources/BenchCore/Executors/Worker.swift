/// The loop of a `processes` worker: reads jobs as lines (`WorkerCodec`) from `input`, runs each with the
/// blocking spawn layer, writes each result as a line to `output`, until end of input.
public enum Worker {
    /// Serves jobs until `input` ends or `cancellation` is cancelled (SIGTERM from the parent,
    /// or the parent's death), which kills the running job's process group. Returns the exit
    /// status to use: 0, 1 on a broken channel, 128 + the signal when cancelled.
    public static func serve(input: Int32 = 0, output: Int32 = 1, cancellation: Cancellation? = nil) -> Int32 {
        let lines = LineReader(fd: input)
        while let line = lines.next(cancel: cancellation?.descriptor ?? -1) {
            guard let job = WorkerCodec.job(line) else { return 1 }
            var answer = WorkerCodec.encode(Spawn.run(job, cancellation: cancellation))
            answer.append(UInt8(ascii: "\n"))
            guard writeAll(output, answer) else { return 1 }
        }
        return cancellation?.exitStatus ?? 0
    }
}
