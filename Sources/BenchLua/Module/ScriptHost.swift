import BenchCore
import CLua

/// What the command line hands the script host.
public struct HostConfiguration: Sendable {
    /// The command that starts one `processes` worker.
    public var workerCommand: [ByteString]
    /// The command line's choices (`bench.options` and scenario overrides).
    public var options: RunOptions
    /// bench's version, as `bench.version`.
    public var version: String
    /// Stops the run when cancelled (by a signal): batches end, and Lua code raises "interrupted".
    public var cancellation: Cancellation?
    /// Registers the run's temporaries and sweeps leftover daemons after each batch.
    public var cleanup: Cleanup?

    /// Creates a configuration.
    public init(
        workerCommand: [ByteString], options: RunOptions = RunOptions(), version: String, cancellation: Cancellation? = nil,
        cleanup: Cleanup? = nil
    ) {
        self.workerCommand = workerCommand
        self.options = options
        self.version = version
        self.cancellation = cancellation
        self.cleanup = cleanup
    }
}

/// How a script ended.
public enum ScriptOutcome: Equatable, Sendable {
    /// It ran to its end and returned nothing: it did its own work.
    case finished
    /// It called `os.exit(code)` or `bench.fail(message)`.
    case exit(Int32, message: String?)
    /// It returned a scenario table for the host to carry out, with how to report it.
    case scenario(Scenario, report: ReportChoice)
}

/// How a declarative scenario wants its results reported.
public enum ReportChoice: Equatable, Sendable {
    /// The scenario said nothing: `--format`, else the table.
    case unspecified
    /// A format by name: built-in, or registered with `bench.reporter`.
    case named(String)
    /// The scenario's own Lua function, kept by the host.
    case luaFunction
}

/// A script error that stops the run: exit status 2, with a message naming the file and line.
public struct ScriptError: Error, Equatable, CustomStringConvertible {
    /// The message, first line the reason, then any traceback.
    public let message: String
    /// The message for people.
    public var description: String { message }
}

/// The Lua side of a run: one Lua state with the `bench` module, used from one thread only,
/// plus the per-run state the module needs (temporary directory, compilers found so far).
public final class ScriptHost {
    /// The configuration given by the command line.
    public let configuration: HostConfiguration
    let lua = LuaState()
    private var directory: TempDirectory?
    private var compilers: [ByteString: Compiler] = [:]
    private var sources: [ByteString: ByteString] = [:]
    private var outputs = 0
    private var reportFunction: Int32?
    private var reporters: [String: Int32] = [:]
    /// Set by `os.exit` and `bench.fail` before they raise the host's sentinel.
    var exitRequest: (code: Int32, message: String?)?

    /// Creates the Lua state and installs the `bench` module.
    public init(configuration: HostConfiguration) {
        self.configuration = configuration
        BenchModule.install(in: lua.stack, host: self)
        if let cancellation = configuration.cancellation { bench_lua_watch_interrupts(lua.L, cancellation.descriptor) }
    }

    /// True once the run was interrupted.
    public var isInterrupted: Bool { configuration.cancellation?.isCancelled == true }

    /// `job` with the command line's defaults for what it leaves open (`--timeout`).
    func withDefaults(_ job: Job) -> Job {
        var job = job
        if job.timeout == nil { job.timeout = configuration.options.timeout }
        return job
    }

    /// An executor for `strategy` that stops when the run is interrupted.
    func executor(_ strategy: Strategy, limit: ConcurrencyLimit) -> any Executor {
        Executors.make(strategy, limit: limit, workerCommand: configuration.workerCommand, cancellation: configuration.cancellation)
    }

    deinit { close() }

    /// Runs a script file. A returned table becomes a scenario; errors of any kind become a
    /// `ScriptError` whose message starts with the script's file and line.
    public func run(script path: ByteString) throws(ScriptError) -> ScriptOutcome {
        let stack = lua.stack
        defer { lua_settop(stack.L, 0) }
        addToModulePath(directoryOf: path)
        let count: Int32
        do {
            count = try lua.runFile(path)
        } catch {
            if let exit = exitRequest { return .exit(exit.code, message: exit.message) }
            throw ScriptError(message: error.description)
        }
        if let exit = exitRequest { return .exit(exit.code, message: exit.message) }
        guard count > 0, lua_type(stack.L, -count) != LUA_TNIL else { return .finished }
        lua_settop(stack.L, -count)  // keep the first returned value only
        guard lua_type(stack.L, -1) == LUA_TTABLE else {
            throw ScriptError(message: "\(path.text): the script returned a \(stack.typeName(at: -1)); return a scenario table, or nothing")
        }
        do {
            let (scenario, report) = try stack.scenario(at: -1, defaultName: scriptName(path))
            if report == .luaFunction {
                stack.pushField(-1, "report")
                reportFunction = luaL_ref(stack.L, bench_lua_registryindex())
            }
            return .scenario(scenario, report: report)
        } catch {
            throw ScriptError(message: "\(path.text): scenario \(error)")
        }
    }

    /// The names of the reporters the script registered with `bench.reporter`, sorted.
    public var reporterNames: [String] { reporters.keys.sorted() }

    /// Records a reporter function (a registry reference); a second one of the same name replaces the first.
    func register(reporter name: String, reference: Int32) {
        if let old = reporters[name] { luaL_unref(lua.L, bench_lua_registryindex(), old) }
        reporters[name] = reference
    }

    /// What a Lua reporter did.
    public enum ReportOutcome: Equatable, Sendable {
        /// It returned this text (bytes, written as they are), or nothing (`nil`).
        case text(ByteString?)
        /// It called `os.exit(code)` or `bench.fail(message)`: the run ends with that status.
        case exit(Int32, message: String?)
    }

    /// Calls a Lua reporter (the scenario's function, or the one registered as `name`) with the
    /// results document as a table. A reporter returns a string or nothing; anything else is an
    /// error naming it.
    public func report(_ document: JSONValue, reporter name: String?) throws(ScriptError) -> ReportOutcome {
        guard let ref = name.flatMap({ reporters[$0] }) ?? reportFunction else { return .text(nil) }
        // An interrupted run still reports what it measured: the reporter must not be stopped too.
        if isInterrupted { bench_lua_watch_interrupts(lua.L, -1) }
        let stack = lua.stack
        defer { lua_settop(stack.L, 0) }
        lua_rawgeti(stack.L, bench_lua_registryindex(), lua_Integer(ref))
        stack.push(document)
        do {
            try lua.call(arguments: 1, results: 1)
        } catch {
            if let exit = exitRequest { return .exit(exit.code, message: exit.message) }
            throw ScriptError(message: error.description)
        }
        if let exit = exitRequest { return .exit(exit.code, message: exit.message) }
        switch lua_type(stack.L, -1) {
        case LUA_TNIL, LUA_TNONE: return .text(nil)
        case LUA_TSTRING: return .text(stack.bytes(at: -1))
        default:
            let who = name.map { "reporter '\(TerminalText.line($0))'" } ?? "the scenario's report function"
            throw ScriptError(message: "\(who) returned a \(stack.typeName(at: -1)); a reporter returns a string or nil")
        }
    }

    /// The run's temporary directory, created on first use and removed by `close()`.
    public func tempDirectory() throws(BenchError) -> TempDirectory {
        if let directory { return directory }
        let made: TempDirectory
        if let cleanup = configuration.cleanup {
            made = try cleanup.creating({ () throws(BenchError) in try TempDirectory() }, path: \.path)
        } else {
            made = try TempDirectory()
        }
        directory = made
        return made
    }

    /// Removes the temporary directory (saying on stderr what it had to leave, such as a mount
    /// point); the host stays usable.
    public func close() {
        guard let directory else { return }
        for left in directory.remove() { Console.error("bench: left \(left)") }
        configuration.cleanup?.forget(directory.path)
        self.directory = nil
    }

    /// Kills what the last batch's jobs left running in sessions of their own (daemons).
    func sweep() { configuration.cleanup?.sweep() }

    /// Closes the Lua state now, running the finalizers that are still pending, so that what
    /// they do (even a batch) happens before the run's exit status is decided.
    public func closeLua() { lua.close() }

    /// True under `--dry-run`: commands are printed, not run.
    var isDryRun: Bool { configuration.options.dryRun }

    /// Prints the jobs `--dry-run` does not run, after a `#` line saying what they are, and
    /// returns their stand-in results.
    func dryRun(_ jobs: [Job], _ what: String) -> [JobResult] {
        Console.out("# " + TerminalText.line(what))
        for job in jobs { Console.out(job.shellLine) }
        return jobs.map(JobResult.dryRun)
    }

    /// A compiler by name, asked for its version once per run (under `--dry-run`, found but not asked).
    func compiler(_ name: ByteString) throws(BenchError) -> Compiler {
        if let known = compilers[name] { return known }
        if isDryRun {
            let path = try Compiler.locate(name)
            let found = Compiler(name: name, path: path, version: "\(TerminalText.line(name)) (version not asked: --dry-run)")
            compilers[name] = found
            _ = dryRun([Job(argv: [path, "--version"])], "bench.compiler: the version of \(name.text)")
            return found
        }
        let found = try Compiler.find(name, cancellation: configuration.cancellation)
        compilers[name] = found
        return found
    }

    /// Writes a source file into the temporary directory, once per distinct name and contents,
    /// and returns its path.
    func writeSource(name: ByteString, ext: ByteString, source: ByteString) throws(BenchError) -> ByteString {
        var file = name + ext
        var n = 1
        while let existing = sources[file], existing != source {
            n += 1
            file = name + ByteString("-\(n)") + ext
        }
        if sources[file] == nil {
            _ = try tempDirectory().write(file, source)
            sources[file] = source
        }
        return try tempDirectory().path + "/" + file
    }

    /// A fresh output path in the temporary directory: every compile job writes its own file.
    func outputPath(for name: ByteString) throws(BenchError) -> ByteString {
        outputs += 1
        return try tempDirectory().path + "/" + name + ByteString("-\(outputs).out")
    }

    /// Lets `require "lib.x"` find `lib/x.lua` beside the script, whatever the working directory.
    private func addToModulePath(directoryOf path: ByteString) {
        let directory = path.directoryPath
        let L = lua.L
        lua_getglobal(L, "package")
        let old = lua.stack.pushField(-1, "path") == LUA_TSTRING ? lua.stack.bytes(at: -1) ?? "" : ""
        bench_lua_pop(L, 1)
        lua.stack.push(directory + "/?.lua;" + directory + "/?/init.lua;" + old)
        lua.stack.setField(-2, "path")
        bench_lua_pop(L, 1)
    }

    private func scriptName(_ path: ByteString) -> String {
        let file = path.lastPathComponent.text
        return file.hasSuffix(".lua") ? String(file.dropLast(4)) : file
    }
}
