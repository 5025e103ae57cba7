import Glibc
import Testing

@testable import BenchCore

/// An executor whose children behave as compilers on a machine of `cores` cores: past one
/// child per core they contend, so each takes more CPU and lives longer. Its results are made,
/// not measured, so the test knows every number.
private struct ContendedExecutor: Executor {
    let strategy: Strategy
    let limit: ConcurrencyLimit
    var cancellation: Cancellation? { nil }
    let cores: Int

    /// CPU seconds of one job at `concurrency`: 20 ms alone, 15 % more per doubling past the cores.
    func cpu(at concurrency: Int) -> Double {
        0.020 * (1 + 0.15 * Double(max(0, Int(log2(Double(concurrency) / Double(cores)).rounded(.up)))))
    }

    /// The wall time of the whole batch: every job's CPU spread over the busy cores, and 5 % lost
    /// between one job and the next.
    func batchWall(jobs: Int) -> Double {
        let c = concurrency(for: jobs)
        return 1.05 * Double(jobs) * cpu(at: c) / Double(min(c, cores))
    }

    func execute(_ jobs: [Job], progress: JobCounter?) throws(BenchError) -> (results: [JobResult], helperCPU: Double) {
        let c = concurrency(for: jobs.count)
        // c jobs share the batch's wall, each living its share of it: unbounded, the whole batch.
        let life = max(cpu(at: c), batchWall(jobs: jobs.count) * Double(c) / Double(jobs.count))
        let results = jobs.map { JobResult(name: $0.name, exitCode: 0, wall: life, user: cpu(at: c), sys: 0) }
        return (results, 0)
    }

    func summary(of jobs: [Job]) throws -> RunSummary {
        let (results, _) = try execute(jobs, progress: nil)
        let batch = BatchResult(
            strategy: strategy, concurrency: concurrency(for: jobs.count), wall: batchWall(jobs: jobs.count), runnerCPU: 0, results: results)
        return RunSummary(
            strategy: strategy, compiler: "gfortran", level: limit, concurrency: batch.concurrency, jobs: jobs.count,
            wall: SampleSummary([batch.wall]), childCPU: batch.childCPU, runnerCPU: 0, longestJob: batch.longestJob,
            peakRSS: 0, cores: cores, failed: 0, probes: [])
    }
}

@Suite("The ideal") struct IdealTests {
    static let jobs = (0..<128).map { Job(argv: ["f\($0)"]) }

    static func measurement(_ runs: [RunSummary]) -> Measurement {
        let scenario = ScenarioSettings(name: "fortran", batch: .all, probes: [], repeats: 8, runs: 1, warmup: 0)
        return Measurement(scenario: scenario, compilers: [Fixture.compiler], runs: runs)
    }

    @Test func efficiencyRanksRunsOfOneBatchInTheOrderOfTheirWalls() throws {
        let cores = 2
        let runs = try [
            ContendedExecutor(strategy: .threads, limit: .limited(2), cores: cores).summary(of: Self.jobs),
            ContendedExecutor(strategy: .threads, limit: .limited(8), cores: cores).summary(of: Self.jobs),
            ContendedExecutor(strategy: .threads, limit: .unbounded, cores: cores).summary(of: Self.jobs),
            ContendedExecutor(strategy: .serial, limit: .limited(1), cores: cores).summary(of: Self.jobs),
        ]
        let m = Self.measurement(runs)
        let concurrent = runs.filter { $0.strategy != .serial }
        #expect(concurrent.map(\.wall.median) == concurrent.map(\.wall.median).sorted())  // -j 2 is fastest here
        let efficiencies = concurrent.map { m.efficiency(of: $0) }
        #expect(efficiencies == efficiencies.sorted(by: >))
        #expect(efficiencies[0] > efficiencies[2])
        // Every concurrent run has the same ideal: the work serial measured, spread over the two cores.
        #expect(Set(concurrent.map { m.ideal(of: $0) }).count == 1)
        #expect(abs(m.ideal(of: concurrent[0]) - 128 * 0.020 / 2) < 1e-9)
        // Each run keeps its own child CPU.
        #expect(runs[2].childCPU > runs[0].childCPU)
        // From each run's own CPU and longest job the unbounded run, the slowest, would look the most efficient.
        let own = concurrent.map { $0.ideal(leastChildCPU: $0.childCPU, shortestLongestJob: $0.longestJob) / $0.wall.median }
        #expect(own[2] > own[0])
    }

    @Test func anotherBatchDoesNotLendItsCPU() throws {
        let small = try ContendedExecutor(strategy: .serial, limit: .limited(1), cores: 2).summary(of: Array(Self.jobs.prefix(16)))
        let large = try ContendedExecutor(strategy: .threads, limit: .unbounded, cores: 2).summary(of: Self.jobs)
        let m = Self.measurement([small, large])
        #expect(m.ideal(of: large) == large.ideal(leastChildCPU: large.childCPU, shortestLongestJob: large.longestJob))
    }
}
