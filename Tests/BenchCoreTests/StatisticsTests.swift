import BenchCore
import Testing

@Suite("Statistics")
struct StatisticsTests {
    @Test func summaryMatchesHandComputedValues() {
        let s = SampleSummary([1, 2, 3, 4, 100])
        #expect(s.min == 1 && s.max == 100)
        #expect(s.median == 3)
        #expect(s.mean == 22)
        // deviations 21, 20, 19, 18, 78: squares sum to 7610; / (n − 1) = 1902.5
        #expect(abs(s.stddev - 1902.5.squareRoot()) < 1e-12)
        // |x − 3| = 2, 1, 0, 1, 97 → MAD 1; 100 scores 0.6745 × 97 = 65.4, 1 scores 1.35
        #expect(s.medianAbsoluteDeviation == 1)
        #expect(s.outlierIndices == [4])
        #expect(abs(s.coefficientOfVariation - 1902.5.squareRoot() / 22) < 1e-12)
    }

    @Test func evenCountsTakeTheMeanOfTheMiddleTwo() {
        #expect(SampleSummary([4, 1, 3, 2]).median == 2.5)
        #expect(SampleSummary([4, 1, 3, 2]).samples == [4, 1, 3, 2])
    }

    @Test func oneSampleHasNoSpreadAndNoOutliers() {
        let s = SampleSummary([0.5])
        #expect(s.stddev == 0 && s.median == 0.5 && s.outlierIndices.isEmpty)
        #expect(SampleSummary([2, 2, 2, 9]).outlierIndices.isEmpty)  // MAD 0: no verdict
    }

    @Test func ratioIsOfMediansAndPropagatesRelativeErrors() {
        let slow = SampleSummary([1.8, 2.0, 2.9])  // median 2 (mean 2.233), σ 0.5859
        let fast = SampleSummary([0.9, 1.0, 1.1])  // median 1 (mean 1), σ 0.1
        let r = Ratio(slow, over: fast)
        #expect(r.value == 2)
        let expected = 2 * ((0.5859465 / 2) * (0.5859465 / 2) + (0.1 / 1) * (0.1 / 1)).squareRoot()
        #expect(abs(r.stddev - expected) < 1e-6)
    }

    static func result(wall: Double, user: Double, sys: Double) -> JobResult {
        JobResult(name: "j", exitCode: 0, wall: wall, user: user, sys: sys, maxRSS: 1000)
    }

    @Test func idealIsCPUSpreadOverUsableSlotsOrTheLongestJob() {
        let jobs = (0..<8).map { _ in Self.result(wall: 0.5, user: 0.4, sys: 0.1) }  // 4 s CPU in all
        let batch = BatchResult(strategy: .async, concurrency: 4, wall: 2.5, runnerCPU: 0.1, results: jobs)
        #expect(batch.childCPU == 4)
        #expect(batch.ideal(cores: 2) == 2)  // min(cores 2, -j 4) = 2 → 4 / 2
        #expect(batch.ideal(cores: 8) == 1)  // -j 4 → 4 / 4
        let long = BatchResult(strategy: .async, concurrency: 4, wall: 3, runnerCPU: 0, results: jobs + [Self.result(wall: 3, user: 0.1, sys: 0)])
        #expect(long.ideal(cores: 8) == 3)  // the 3 s job bounds it
        #expect(long.failed == 0 && long.peakRSS == 1000)
    }

    @Test func efficiencyIsIdealOverMedianWall() {
        let run = Fixture.run(.async, samples: [2.4, 2.5, 2.6], childCPU: 4, concurrency: 2)
        let m = Fixture.result([run])
        #expect(m.ideal(of: run) == 2)
        #expect(abs(m.efficiency(of: run) - 0.8) < 1e-12)
        #expect(abs(run.runnerShare - 0.05) < 1e-12)
    }

    @Test func warningsSpeakOfOutliersSpreadAndColdStarts() {
        let steady = Fixture.result([Fixture.run(.async, samples: [1.0, 1.01, 0.99, 1.0, 1.0])])
        #expect(steady.warnings.isEmpty)
        let noisy = Fixture.result([Fixture.run(.async, samples: [1.0, 1.2, 0.9, 1.1, 0.8])])
        #expect(noisy.warnings.contains { $0.contains("coefficient of variation above 5 %") })
        let spike = Fixture.result([Fixture.run(.async, samples: [1.0, 1.0, 1.01, 0.99, 1.0, 1.02, 3.0])])
        #expect(spike.warnings.contains { $0.hasPrefix("async -j 2 (gfortran): 1 of 7 samples are statistical outliers") })
        let cold = Fixture.result([Fixture.run(.async, samples: [1.6, 1.0, 1.01, 1.02])])
        #expect(cold.warnings.contains { $0.contains("the first timed run took 1.58x the median of the others") })
    }

    @Test func comparisonsAreAgainstSerialAndTheFastest() {
        let result = Fixture.standard()
        let async = result.runs[0]
        let serial = result.runs[1]
        #expect(result.speedupOverSerial(async)?.value == 4.0 / 2.0)
        #expect(result.speedupOverSerial(serial)?.value == 1)
        #expect(result.relativeToFastest(async).value == 1)
        #expect(result.relativeToFastest(serial).value == 2)
    }
}

/// Hand-made results with known numbers, for the statistics and every report format.
enum Fixture {
    static let compiler = Compiler(name: "gfortran", path: "/usr/bin/gfortran", version: "GNU Fortran (Debian 12.2.0-14+deb12u1) 12.2.0")

    static func run(_ strategy: Strategy, samples: [Double], childCPU: Double = 4, concurrency: Int = 2, level: ConcurrencyLimit = .limited(2))
        -> RunSummary
    {
        RunSummary(
            strategy: strategy, compiler: compiler.name, level: level, concurrency: strategy == .serial ? 1 : concurrency, jobs: 16,
            wall: SampleSummary(samples), childCPU: childCPU, runnerCPU: childCPU * 0.05, longestJob: 0.1, peakRSS: 20_000,
            cores: 2, failed: 6,
            probes: [ProbeOutcome(name: "minimal", ok: true), ProbeOutcome(name: "f2023enum", ok: false, failedCopies: 1, message: "Error: bad")])
    }

    static func result(_ runs: [RunSummary]) -> Measurement {
        let scenario = ScenarioSettings(
            name: "fortran", batch: .all, probes: ["minimal", "f2023enum"], repeats: 8, runs: runs.first?.wall.samples.count ?? 1, warmup: 1,
            showsStudyLines: true)
        return Measurement(scenario: scenario, compilers: [compiler], runs: runs)
    }

    /// A document holding `measurements`, measured on a made-up host.
    static func document(_ measurements: Measurement...) -> ResultDocument {
        ResultDocument(
            bench: "9.9.9", complete: true, host: HostInfo(os: "Linux", kernel: "6.1", cpu: "Test CPU", cores: 2), measurements: measurements)
    }

    /// async: median 2.000 s; serial: median 4.000 s.
    static func standard() -> Measurement {
        result([run(.async, samples: [2.1, 1.9, 2.0]), run(.serial, samples: [4.0, 4.1, 3.9])])
    }
}
