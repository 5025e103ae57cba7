/// The one builder of a probe's job, for returned scenarios, `bench.measure` and `bench.compile` alike.
///
/// The default command compiles and links, as a configure check does:
/// `[launcher] compiler <scenario flags> <probe flags> <source> -o <output> <libs>`; a launcher
/// also goes before a `command` that starts with `{compiler}`. A probe's `command`
/// replaces it; in each of its items `{compiler}`, `{source}`, `{output}`, `{dir}` (the run's
/// private directory) and `{root}` (the job's own folder, for a probe with `files`) are replaced
/// by their paths. Every job writes an output of its own (the
/// study's parallel runs all wrote `./a.out`, a race) and gets the run's directory as `TMPDIR`,
/// so that a compiler killed mid-run leaves nothing outside it.
public enum ProbeJob {
    /// The placeholders a `command` may hold.
    public static let placeholders = ["{compiler}", "{source}", "{output}", "{dir}", "{root}"]

    /// Throws unless `probe` can make a job: a command or a compiler to run, a source for the
    /// default command and for `{source}`, and `{compiler}` only where there is one.
    public static func check(_ probe: Probe, hasCompiler: Bool) throws(BenchError) {
        let name = "probe '\(TerminalText.line(probe.name))'"
        if let problem = Probe.problem(withName: probe.name) { throw .invalidValue("\(name): \(problem)") }
        guard let command = probe.command else {
            guard hasCompiler else {
                throw .invalidValue("\(name): a scenario without compilers runs each probe's command; give it one (command = { \"prog\", \"arg\" })")
            }
            guard probe.source != nil else { throw .invalidValue("\(name): needs a source to compile, or a command") }
            return
        }
        guard let program = command.first, !program.isEmpty else { throw .invalidValue("\(name): command is empty") }
        if let item = command.first(where: { $0.contains(0) }) {
            throw .invalidValue("\(name): command item '\(TerminalText.line(item))' holds a NUL byte, which no program can receive")
        }
        if !probe.hasOwnFolder, command.contains(where: { $0.contains("{root}") }) {
            throw .invalidValue("\(name): command uses {root}, but the probe has no files of its own")
        }
        if let problem = OwnFolder.problem(probe) { throw .invalidValue("\(name): \(problem)") }
        if !hasCompiler, command.contains(where: { $0.contains("{compiler}") }) {
            throw .invalidValue("\(name): command uses {compiler}, but the scenario has no compilers")
        }
        if probe.source == nil, command.contains(where: { $0.contains("{source}") }) {
            throw .invalidValue("\(name): command uses {source}, but the probe has no source")
        }
    }

    /// The source file extension for `probe`: its own, the scenario's, the compiler's usual one;
    /// for a command without a compiler none is needed. Throws when a compile has none.
    public static func ext(for probe: Probe, scenarioExt: ByteString?, compiler: Compiler?) throws(BenchError) -> ByteString {
        if let ext = probe.ext ?? scenarioExt { return ext }
        if let compiler {
            if let ext = compiler.defaultExtension { return ByteString(ext) }
            if probe.source != nil {
                throw .invalidValue(
                    "probe '\(TerminalText.line(probe.name))': bench does not know what '\(TerminalText.line(compiler.name))' compiles; give ext (ext = \".c\")"
                )
            }
        }
        return ""
    }

    /// Why `ext` cannot end a file name, or `nil` when it can.
    public static func problem(withExt ext: ByteString) -> String? {
        ext.containsSlash || ext.contains(0) ? "a file name ending (no '/', no NUL byte) expected, got '\(TerminalText.line(ext))'" : nil
    }

    /// `probe`'s job: its source written (once) into `files`, its own output, its command.
    public static func make(
        _ probe: Probe, compiler: Compiler?, flags: [ByteString], ext scenarioExt: ByteString?, launcher: [ByteString] = [],
        environment: [ByteString: ByteString] = [:], timeout: Double?, files: inout WorkFiles
    ) throws(BenchError) -> Job {
        try check(probe, hasCompiler: compiler != nil)
        let ext = try ext(for: probe, scenarioExt: scenarioExt, compiler: compiler)
        if let problem = problem(withExt: ext) { throw .invalidValue("probe '\(TerminalText.line(probe.name))': ext: \(problem)") }
        let source = try probe.source.map { s throws(BenchError) in try files.source(name: probe.name, ext: ext, contents: s) }
        let output = files.output(name: probe.name)
        let folder = try probe.hasOwnFolder ? OwnFolder.make(for: probe, in: &files) : nil
        let argv: [ByteString]
        if let command = probe.command {
            let values: [(String, ByteString)] = [
                ("{compiler}", compiler?.path ?? ""), ("{source}", source ?? ""), ("{output}", output), ("{dir}", files.directory.path),
                ("{root}", folder?.root ?? ""),
            ]
            let filled = command.map { item in values.reduce(item) { $0.replacing($1.0, with: $1.1) } }
            argv = (command.first == "{compiler}" ? probe.launcher ?? launcher : []) + filled
        } else {
            argv = (probe.launcher ?? launcher) + [compiler!.path] + flags + probe.flags + [source!, "-o", output] + probe.libs
        }
        var job = Job(
            name: probe.name, argv: argv, workingDirectory: folder?.workingDirectory,
            environment: environment.merging(probe.environment) { $1 }.merging(["TMPDIR": files.directory.path]) { $1 }, stdin: probe.stdin,
            timeout: timeout)
        job.stdinFile = probe.stdinFile
        return job
    }
}
