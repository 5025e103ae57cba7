/// What one run keeps while it runs, whatever drives it (a Lua script today): its temporary
/// directory and the files written there, the compilers found, the recipe and its parameters,
/// the measurements made, and the result document that holds them.
///
/// A class: the driver's callbacks (the `bench` module's functions) share one run. It is used
/// from the thread that drives the run only, and is not `Sendable`.
public final class RunContext {
    /// Removes what the run leaves, however it ends (`nil` in tests that make no processes).
    public let cleanup: Cleanup?
    /// Stops the run: batches end, and the driver stops too.
    public let cancellation: Cancellation?
    /// bench's version, for the document.
    public let version: String
    /// The command line as typed, for the document's provenance.
    public let commandLine: [ByteString]
    /// True under `--dry-run`: commands are printed, not run, compilers are found but not
    /// asked, and nothing is recorded.
    public let dryRun: Bool
    /// The recipe being run, once read.
    public var recipe: Recipe?
    /// The recipe's parameters: what it declared and the `-D` values for them.
    public var parameters = RecipeParameters(recipe: "", definitions: [])
    /// Every scenario measured so far, in order.
    public private(set) var measurements: [Measurement] = []
    private let started = Provenance.now()
    private var directory: TempDirectory?
    private var workFiles: WorkFiles?
    private var compilers: [ByteString: Compiler] = [:]

    /// A run that has made nothing yet.
    public init(cleanup: Cleanup?, cancellation: Cancellation?, version: String, commandLine: [ByteString], dryRun: Bool) {
        self.cleanup = cleanup
        self.cancellation = cancellation
        self.version = version
        self.commandLine = commandLine
        self.dryRun = dryRun
    }

    deinit { close() }

    /// True once the run was interrupted.
    public var isInterrupted: Bool { cancellation?.isCancelled == true }

    /// Keeps `measurement` for the run's report; under `--dry-run` there is none, as nothing
    /// was measured.
    public func record(_ measurement: Measurement) {
        if !dryRun { measurements.append(measurement) }
    }

    /// A result document of this run holding `measurements`.
    public func document(holding measurements: [Measurement]) -> ResultDocument {
        ResultDocument(
            bench: version, complete: !isInterrupted && measurements.allSatisfy(\.complete), host: HostInfo.current(),
            provenance: Provenance(recipe: recipe, parameters: parameters.settings, commandLine: commandLine, started: started),
            measurements: measurements)
    }

    /// The run's temporary directory, created on first use and removed by `close()`.
    public func tempDirectory() throws(BenchError) -> TempDirectory {
        if let directory { return directory }
        let made: TempDirectory
        if let cleanup {
            made = try cleanup.creating({ () throws(BenchError) in try TempDirectory() }, path: \.path)
        } else {
            made = try TempDirectory()
        }
        directory = made
        return made
    }

    /// Calls `body` with the run's files (in its temporary directory), keeping what it wrote.
    public func withFiles<T>(_ body: (inout WorkFiles) throws(BenchError) -> T) throws(BenchError) -> T {
        var files: WorkFiles
        if let workFiles { files = workFiles } else { files = WorkFiles(directory: try tempDirectory()) }
        defer { workFiles = files }
        return try body(&files)
    }

    /// A compiler by name, asked for its version once per run; under `--dry-run` found but not
    /// asked, and `printed` is told the command that would have asked.
    public func compiler(_ name: ByteString, printed: (Job) throws(BenchError) -> Void) throws(BenchError) -> Compiler {
        if let known = compilers[name] { return known }
        let found: Compiler
        if dryRun {
            let path = try Compiler.locate(name)
            found = Compiler(name: name, path: path, version: "\(TerminalText.line(name)) (version not asked: --dry-run)")
            try printed(Job(argv: [path, "--version"]))
        } else {
            found = try Compiler.find(name, cancellation: cancellation)
        }
        compilers[name] = found
        return found
    }

    /// Removes the temporary directory (saying on stderr what it had to leave, such as a mount
    /// point); the run stays usable.
    public func close() {
        guard let directory else { return }
        for left in directory.remove() { Console.error("bench: left \(left)") }
        cleanup?.forget(directory.path)
        self.directory = nil
    }
}
