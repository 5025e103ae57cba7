/// `xargs -P N`: with the jobs' common program as its command and each job's arguments a line
/// when they run as they are; else `sh -c LINE` for each job's line.
struct XargsTool: ReferenceTool {
    let strategy = Strategy.xargs
    let package = "findutils"
    let runsEveryJobThroughAShell = false
    let runsElsewhere = false

    /// Only jobs of one program can be xargs' argument lists.
    func canRunAsTheyAre(_ jobs: [Job]) -> Bool { Set(jobs.map { $0.argv[0] }).count == 1 }

    func command(jobs: [Job], lines: [String], direct: Bool, slots: Int, in directory: TempDirectory) throws(BenchError) -> [ByteString] {
        if direct {
            var text: [UInt8] = []
            for job in jobs { text += Array(job.argv.dropFirst().map(Self.escape).joined(separator: [32])) + [10] }
            let file = try directory.write("jobs", ByteString(text))
            return ["xargs", "-P", ByteString(String(slots)), "-L", "1", "-a", file, jobs[0].argv[0]]
        }
        // One argument per line, taken as it is (-d): no line holds a newline, as
        // PortableShellLine makes words with control bytes by printf.
        let file = try directory.write("jobs", ByteString(lines.joined(separator: "\n") + "\n"))
        return ["xargs", "-P", ByteString(String(slots)), "-d", "\\n", "-n", "1", "-a", file, "sh", "-c"]
    }

    /// `word` as xargs reads it, byte for byte: each ASCII byte but a letter or digit after a
    /// backslash (bytes above 0x7F are no xargs syntax and stay as they are).
    private static func escape(_ word: ByteString) -> [UInt8] {
        guard !word.isEmpty else { return Array("''".utf8) }
        var out: [UInt8] = []
        for b in word.bytes {
            let plain = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
            if !plain { out.append(UInt8(ascii: "\\")) }
            out.append(b)
        }
        return out
    }
}
