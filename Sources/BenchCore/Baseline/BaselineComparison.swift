/// Result documents set against the first of them, the baseline, as `bench compare BASE
/// OTHER...` shows them: the same runs joined across files (other machines, compilers, bench
/// versions, commits, `-j`), each file's median, its ratio to the baseline's with the
/// uncertainty, Welch's t-test on the samples, and a verdict.
///
/// Runs join by scenario, strategy and probe, and by compiler and concurrency where a file
/// measured several of them in that scenario. A compiler or a concurrency that each file
/// measured only one of is what the files differ in, not part of what joins them: so a file of
/// gfortran runs compares with one of flang, and one run at `-j 1` with one at `-j 2`.
public struct BaselineComparison: Sendable, Equatable {
    /// The significance level: a difference counts only when p is below it.
    public static let significance = 0.05
    /// The threshold `bench compare` uses unless told otherwise: 5 %.
    public static let defaultThreshold = 0.05

    /// The documents compared, the baseline first.
    public let files: [File]
    /// Ratios within 1 ± threshold are "same" whatever the test says (0.05 for 5 %).
    public let threshold: Double
    /// One row per joined run, in the baseline's order, then runs the baseline lacks.
    public let rows: [Row]
    /// What a reader must know before trusting the comparison: different recipes or
    /// parameters, runs in one file only, incomplete documents, samples too few to test.
    public let warnings: [String]

    /// A result document and the name it goes by (its path, as given).
    public struct File: Sendable, Equatable {
        /// The name shown: the path as given.
        public var label: String
        /// The document.
        public var document: ResultDocument

        /// Creates a file.
        public init(label: String, document: ResultDocument) {
            self.label = label
            self.document = document
        }
    }

    /// What a run is compared as: what the files share.
    public struct Key: Sendable, Hashable {
        /// The scenario's name.
        public var scenario: String
        /// The strategy.
        public var strategy: Strategy
        /// The probe of a one-probe batch.
        public var probe: ByteString?
        /// The compiler, when a file measured several in the scenario.
        public var compiler: ByteString?
        /// The concurrency, when a file measured the strategy at several.
        public var concurrency: Int?

        /// "async -j 2 (gcc)", "gzip -9: serial", "async": only what joins.
        public var label: String {
            var s = probe.map { TerminalText.line($0) + ": " } ?? ""
            s += strategy.rawValue
            if let concurrency, !strategy.ignoresConcurrency { s += " -j \(concurrency)" }
            if let compiler { s += " (\(TerminalText.line(compiler)))" }
            return s
        }
    }

    /// Whether a file's run took longer than the baseline's.
    public enum Verdict: String, Sendable {
        /// Significantly faster, by more than the threshold.
        case faster
        /// Significantly slower, by more than the threshold.
        case slower
        /// Within the threshold, or a difference the samples cannot tell from noise.
        case same
        /// Every job failed in this file's run or in the baseline's: the times measure failures.
        case failed
    }

    /// One joined run: a cell per file, `nil` where the file lacks it.
    public struct Row: Sendable, Equatable {
        /// What joined the cells.
        public var key: Key
        /// One per file, in the files' order; the first is the baseline's.
        public var cells: [Cell?]

        /// True when the files ran it differently (another `-j` or compiler), so a report must say how each did.
        public var varies: Bool { Set(cells.compactMap { $0.map(label) }).count > 1 }

        /// How `cell`'s file ran this run: "async -j 1", with the compiler when the files' compilers differ.
        public func label(_ cell: Cell) -> String {
            let compilers = Set(cells.compactMap { $0?.run.compiler })
            return compilers.count > 1 ? cell.label : cell.run.strategyLabel
        }
    }

    /// A file's run and how it compares with the baseline's.
    public struct Cell: Sendable, Equatable {
        /// The run.
        public var run: RunSummary
        /// Its median over the baseline's (`nil` for the baseline itself, or when the baseline lacks the run).
        public var ratio: Ratio?
        /// Welch's t-test of its samples against the baseline's; `nil` when either has fewer than two.
        public var test: WelchTest?
        /// The verdict; `nil` for the baseline itself or without a baseline run.
        public var verdict: Verdict?
        /// True when every job of the run failed (as `Measurement.failed` says), so that its
        /// times measure failures and it cannot pass a gate.
        public var failed = false

        /// The verdict a report shows: `failed` for a run whose every job failed, the
        /// baseline's too (whose `verdict` is `nil`); else `verdict`.
        public var shownVerdict: Verdict? { failed ? .failed : verdict }

        /// The run as this file did it: "async -j 1 (gfortran)".
        public var label: String { run.strategyLabel + (run.compiler.map { " (\(TerminalText.line($0)))" } ?? "") }
    }

    /// Compares `files` (at least two; the first is the baseline) with `threshold` as a fraction.
    public init(files: [File], threshold: Double) {
        precondition(files.count >= 2 && threshold >= 0, "a comparison needs a baseline, another file and a threshold of at least 0")
        self.files = files
        self.threshold = threshold
        var warnings: [String] = []
        let scanned = Self.scannedDimensions(files)
        var order: [Key] = []
        var table: [Key: [Cell?]] = [:]
        for (f, file) in files.enumerated() {
            var duplicates = 0
            for measurement in file.document.measurements {
                let name = measurement.scenario.name
                for run in measurement.runs {
                    let key = Key(
                        scenario: name, strategy: run.strategy, probe: run.probe,
                        compiler: scanned.compilers.contains(name) ? run.compiler : nil,
                        concurrency: scanned.levels.contains(LevelScope(scenario: name, strategy: run.strategy)) ? run.concurrency : nil)
                    var cells = table[key] ?? Array(repeating: nil, count: files.count)
                    if table[key] == nil { order.append(key) }
                    guard cells[f] == nil else { duplicates += 1; continue }
                    cells[f] = Cell(run: run, failed: measurement.failed(run))
                    table[key] = cells
                }
            }
            if duplicates > 0 {
                warnings.append(
                    "\(file.label): \(ReportWords.counted(duplicates, "run")) measured again under the same scenario name; only the first of each is compared"
                )
            }
            if !file.document.complete { warnings.append("\(file.label): the run was interrupted; its document holds only what was measured before") }
        }
        var rows: [Row] = []
        var tooFew = 0
        for key in order { rows.append(Row(key: key, cells: Self.compared(table[key]!, threshold: threshold, tooFew: &tooFew))) }
        if tooFew > 0 {
            warnings.append(
                "\(tooFew) comparison\(tooFew == 1 ? " has" : "s have") fewer than two samples on a side: no test, the verdict is the threshold's alone (run with -r 3 or more)"
            )
        }
        warnings += Self.lonelyRuns(rows, files)
        warnings += Self.provenanceDifferences(files)
        self.rows = rows
        self.warnings = warnings
    }

    /// `cells` (the baseline's first) with each file's ratio, test and verdict against the
    /// baseline's run; `tooFew` counts the comparisons with fewer than two samples on a side.
    private static func compared(_ cells: [Cell?], threshold: Double, tooFew: inout Int) -> [Cell?] {
        guard let base = cells[0] else { return cells }
        var cells = cells
        for f in cells.indices.dropFirst() {
            guard var cell = cells[f] else { continue }
            defer { cells[f] = cell }
            if cell.failed || base.failed {
                cell.verdict = .failed
                continue
            }
            let ratio = Ratio(cell.run.wall, over: base.run.wall)
            cell.ratio = ratio
            if cell.run.wall.samples.count > 1 && base.run.wall.samples.count > 1 {
                cell.test = WelchTest(cell.run.wall.samples, base.run.wall.samples)
            } else {
                tooFew += 1
            }
            cell.verdict = verdict(ratio: ratio.value, p: cell.test?.p, threshold: threshold)
        }
        return cells
    }

    /// The rows where some file is significantly slower than the baseline beyond the threshold.
    public var slowerRows: [Row] { rows.filter { $0.cells.contains { $0?.verdict == .slower } } }

    /// The rows where every job of some file's run failed, the baseline's included.
    public var failedRows: [Row] { rows.filter { $0.cells.contains { $0?.failed == true } } }

    /// True when the comparison passes a gate: no run slower, none failed.
    public var passes: Bool { slowerRows.isEmpty && failedRows.isEmpty }

    /// Why a file after the baseline was compared with nothing, one sentence per such file (none
    /// of its runs joins one of the baseline's): such a comparison cannot pass a gate.
    public var nothingCompared: [String] {
        files.indices.dropFirst().compactMap { f in
            guard !rows.contains(where: { $0.cells[0] != nil && $0.cells[f] != nil }) else { return nil }
            let own = files[f].document.measurements.filter { !$0.runs.isEmpty }
            let shared = Set(files[f].document.measurements.map(\.scenario.name)).intersection(files[0].document.measurements.map(\.scenario.name))
            let why =
                own.isEmpty
                ? "it holds no run (an interrupted run measures none)"
                : shared.isEmpty
                    ? "runs join by scenario, strategy, probe, compiler and -j, and its scenarios (\(Self.names(files[f]))) "
                        + "are not the baseline's (\(Self.names(files[0])))"
                    : "runs join by scenario, strategy, probe, compiler and -j, and its runs (\(Self.runs(of: f, in: rows))) "
                        + "are not the baseline's (\(Self.runs(of: 0, in: rows)))"
            return "nothing of \(files[f].label) was compared with \(files[0].label): \(why)"
        }
    }

    /// The first three runs of file `f`, "time: gzip -1: serial, …".
    private static func runs(of f: Int, in rows: [Row]) -> String {
        let keys = rows.filter { $0.cells[f] != nil }.map { "\($0.key.scenario): \($0.key.label)" }
        return (keys.prefix(3) + (keys.count > 3 ? ["…"] : [])).joined(separator: ", ")
    }

    private static func names(_ file: File) -> String {
        file.document.measurements.map(\.scenario.name).uniqued().joined(separator: ", ")
    }

    /// Faster or slower only when the difference is beyond the threshold and, where the samples
    /// allow a test, significant.
    static func verdict(ratio: Double, p: Double?, threshold: Double) -> Verdict {
        if let p, p >= significance { return .same }
        if ratio > 1 + threshold { return .slower }
        if ratio < 1 - threshold { return .faster }
        return .same
    }

    private struct LevelScope: Hashable {
        var scenario: String
        var strategy: Strategy
    }

    /// The scenarios in which some file measured several compilers, and the (scenario,
    /// strategy) pairs some file measured at several concurrencies.
    private static func scannedDimensions(_ files: [File]) -> (compilers: Set<String>, levels: Set<LevelScope>) {
        var compilers: Set<String> = []
        var levels: Set<LevelScope> = []
        for file in files {
            var seenCompilers: [String: Set<ByteString?>] = [:]
            var seenLevels: [LevelScope: Set<Int>] = [:]
            for m in file.document.measurements {
                for run in m.runs {
                    seenCompilers[m.scenario.name, default: []].insert(run.compiler)
                    seenLevels[LevelScope(scenario: m.scenario.name, strategy: run.strategy), default: []].insert(run.concurrency)
                }
            }
            compilers.formUnion(seenCompilers.filter { $0.value.count > 1 }.keys)
            levels.formUnion(seenLevels.filter { $0.value.count > 1 }.keys)
        }
        return (compilers, levels)
    }
}
