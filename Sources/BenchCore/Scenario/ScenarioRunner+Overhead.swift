/// The overhead of a scenario's jobs (`overhead`: the shell's start-up), measured before the
/// timed rounds, as hyperfine measures it before its benchmarks.
extension ScenarioRunner {
    /// Runs `argv` `Overhead.count` times, each a one-job batch of the serial executor, as the
    /// scenario's jobs run (its environment, timeout and output): what it measured, or `nil`
    /// once the run is cancelled. Throws when the command fails, as nothing could be subtracted.
    func measureOverhead(_ argv: [ByteString], of scenario: Scenario) throws(BenchError) -> Overhead? {
        let line = argv.map { ShellLine.quote($0) }.joined(separator: " ")
        var job = Job(name: ByteString(line), argv: argv, environment: scenario.environment, timeout: scenario.timeout)
        job.discardsOutput = scenario.discardsOutput
        let executor = makeExecutor(.serial, .limited(1))
        let counter = JobCounter()
        var samples: [BatchResult] = []
        for n in 1...Overhead.count {
            if cancellation?.isCancelled == true { return nil }
            counter.reset()
            progress?(.batch(label: "overhead: " + TerminalText.line(line), phase: .run(n, of: Overhead.count), jobs: 1, counter: counter))
            let batch = try executor.run(scenario.jobsForOneRun([job]), progress: counter)
            if cancellation?.isCancelled == true { return nil }
            if let failed = batch.results.first(where: { !$0.ok }) {
                throw .couldNotStart(
                    "could not measure the overhead to subtract, '\(TerminalText.line(line))' (\(failed.summary)): make sure you can run it, "
                        + "or run no shell (-N)")
            }
            samples.append(batch)
        }
        return Overhead(command: argv, samples: samples)
    }
}
