/// The warnings a comparison gives about its files: runs that only some files have, and files
/// made by another recipe, another version of it or other parameters than the baseline.
extension BaselineComparison {
    /// "2 runs only in BASE: …" per file.
    static func lonelyRuns(_ rows: [Row], _ files: [File]) -> [String] {
        var warnings: [String] = []
        for f in files.indices {
            let only = rows.filter { row in row.cells[f] != nil && row.cells.enumerated().allSatisfy { $0.offset == f || $0.element == nil } }
            guard !only.isEmpty else { continue }
            let names = only.map { "\($0.key.scenario): \($0.key.label)" }
            warnings.append("\(ReportWords.counted(only.count, "run")) only in \(files[f].label): \(names.joined(separator: ", "))")
        }
        for f in files.indices.dropFirst() {
            let missing = rows.filter { $0.cells[0] != nil && $0.cells[f] == nil }.count
            if missing > 0 && rows.contains(where: { $0.cells[f] != nil }) {
                warnings.append("\(files[f].label) lacks \(missing) of the baseline's runs")
            }
        }
        return warnings
    }

    /// Different recipes, recipe versions or parameters than the baseline's.
    /// A file read from hyperfine's export has nothing to set beside the baseline's: one warning
    /// says so, instead of one per comparison with it.
    static func provenanceDifferences(_ files: [File]) -> [String] {
        var warnings = files.filter(\.document.isHyperfineExport).map { file in
            "\(file.label) is hyperfine's --export-json, which records no host, warm-ups, shell or options: check that the runs are alike"
        }
        let base = files[0]
        for other in files.dropFirst() where !base.document.isHyperfineExport && !other.document.isHyperfineExport {
            guard let b = base.document.provenance, let o = other.document.provenance else {
                let which = base.document.provenance == nil ? base.label : other.label
                warnings.append(
                    "\(which) does not say which recipe or parameters made it (written by bench \(base.document.provenance == nil ? base.document.bench : other.document.bench)): check that the runs are alike"
                )
                continue
            }
            switch (b.recipe, o.recipe) {
            case (let br?, let or?) where br.name != or.name:
                warnings.append("\(other.label) ran the recipe '\(or.name)', the baseline '\(br.name)': different recipes")
            case (let br?, let or?) where br.sha256 != or.sha256:
                warnings.append(
                    "\(other.label): the recipe's sha256 differs from the baseline's (\(or.sha256.prefix(12)) against \(br.sha256.prefix(12))): another version of '\(or.name)'"
                )
            default: break
            }
            var differences: [String] = []
            for name in (b.parameters.map(\.name) + o.parameters.map(\.name)).uniqued() {
                let bv = b.parameters.first { $0.name == name }?.value
                let ov = o.parameters.first { $0.name == name }?.value
                if bv != ov { differences.append("\(name)=\(ov?.text ?? "(none)") against \(bv?.text ?? "(none)")") }
            }
            if !differences.isEmpty {
                warnings.append("\(other.label): parameters differ from the baseline's: \(differences.joined(separator: "; "))")
            }
        }
        return warnings
    }
}
