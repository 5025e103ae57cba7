/// `make -j N` over a generated Makefile, one phony target per job, its recipe the job's line
/// (GNU make runs a line without shell syntax itself, with no shell).
struct MakeTool: ReferenceTool {
    let strategy = Strategy.make
    let package = "make"
    let runsEveryJobThroughAShell = false
    let runsElsewhere = false

    func canRunAsTheyAre(_ jobs: [Job]) -> Bool { true }

    func command(jobs: [Job], lines: [String], direct: Bool, slots: Int, in directory: TempDirectory) throws(BenchError) -> [ByteString] {
        let targets = jobs.indices.map { " s\($0)" }.joined()
        var text = ".PHONY: all" + targets + "\nall:" + targets + "\n"
        for (i, line) in lines.enumerated() { text += "s\(i):\n\t\(line.replacingOccurrences(of: "$", with: "$$"))\n" }
        let file = try directory.write("Makefile", ByteString(text))
        return ["make", "-f", file, "-j", ByteString(String(slots)), "-k", "-s", "-r", "-R"]
    }
}
