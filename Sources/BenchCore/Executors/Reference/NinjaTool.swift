/// `ninja -j N` over a generated `build.ninja`, one build edge per job. ninja runs every command
/// through `/bin/sh`, so it always runs the jobs' shell lines. It runs in its own directory
/// (`-C`), so that no path of the build file can hold a byte ninja cannot write (a newline in
/// `TMPDIR`): the lines go back to bench's directory first, and its log stays there too.
struct NinjaTool: ReferenceTool {
    let strategy = Strategy.ninja
    let package = "ninja-build"
    let runsEveryJobThroughAShell = true
    let runsElsewhere = true

    func canRunAsTheyAre(_ jobs: [Job]) -> Bool { false }

    func command(jobs: [Job], lines: [String], direct: Bool, slots: Int, in directory: TempDirectory) throws(BenchError) -> [ByteString] {
        var text = "rule run\n  command = $command\n"
        for (i, line) in lines.enumerated() {
            text += "build status-\(i): run\n  command = \(line.replacingOccurrences(of: "$", with: "$$"))\n"
        }
        _ = try directory.write("build.ninja", ByteString(text))
        return ["ninja", "-C", directory.path, "-f", "build.ninja", "-j", ByteString(String(slots)), "-k", "0", "--quiet"]
    }
}
