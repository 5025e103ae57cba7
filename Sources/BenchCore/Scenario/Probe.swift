/// One job of a scenario: a program to compile, or a whole command to run.
///
/// Its default command is `[launcher] compiler <scenario flags> <flags> <source> -o <output> <libs>`
/// (the launcher, such as `ccache`, as CMake's `CMAKE_<LANG>_COMPILER_LAUNCHER` puts it first);
/// a `command` replaces it, with the placeholders of `ProbeCommand` filled in.
public struct Probe: Sendable, Hashable {
    /// Its name: unique in its scenario, any text without NUL or newline (`sys/inotify.h`, `-Wlogical-op`).
    public var name: ByteString
    /// Its source, written to a file of its own byte for byte; `nil` for a command that needs none.
    public var source: ByteString?
    /// Flags after the scenario's and before the source.
    public var flags: [ByteString]
    /// Arguments after the source and the output (`-lm`), where a linker looks for them.
    public var libs: [ByteString]
    /// The source file's extension, with its dot; `nil` takes the scenario's.
    public var ext: ByteString?
    /// The whole argv, replacing the default compile command; its items may hold `{compiler}`,
    /// `{source}`, `{output}` and `{dir}`.
    public var command: [ByteString]?
    /// The outcome it should have (true: it succeeds, false: it fails), as a replayed log
    /// recorded it; `nil` when nothing is expected. A different outcome is a warning.
    public var expected: Bool?
    /// The launcher of its compile, replacing the scenario's (`[]`: none); `nil` takes the scenario's.
    public var launcher: [ByteString]?
    /// Files every job of it finds in a folder of its own (`{root}`), one per copy of the probe,
    /// made before its first run and used by every later one:
    /// path to bytes, an absolute path under `{root}`, a relative one under the working
    /// directory; a path ending in `/` is a directory. With `workingDirectory`, a recorded
    /// compile's private copy of its directory and inputs. `nil`: the jobs share the run's.
    public var files: [ByteString: ByteString]?
    /// The directory, under `{root}`, its jobs run in (`/build/conftest` runs in
    /// `{root}/build/conftest`); `nil` with `files`: `{root}` itself.
    public var workingDirectory: ByteString?
    /// Variables set for every job of it, on top of the scenario's (a recorded compile's own `LC_ALL`).
    public var environment: [ByteString: ByteString] = [:]
    /// Bytes every job of it reads on standard input (a compile of `-`, as `cc -E -`); `nil`: none.
    public var stdin: ByteString?
    /// A file every job of it reads on standard input, opened anew for each (`bench time
    /// --input`), relative to the job's working directory; `nil`: none. Not with `stdin`.
    public var stdinFile: ByteString?
    /// Its own hooks, run around its batches besides the scenario's (one-probe batches only):
    /// `setup` before its first batch, `prepare` and `conclude` around each, `cleanup` after its last.
    public var hooks = ScenarioHooks()
    /// The parameters it was made with and their values (`bench time -L lvl 1,9`: `lvl` = `1`),
    /// kept in the document beside its run; empty for none.
    public var parameters: [String: String] = [:]

    /// Creates a probe.
    public init(
        name: ByteString, source: ByteString? = nil, flags: [ByteString] = [], libs: [ByteString] = [],
        ext: ByteString? = nil, command: [ByteString]? = nil, expected: Bool? = nil, launcher: [ByteString]? = nil
    ) {
        self.name = name
        self.source = source
        self.flags = flags
        self.libs = libs
        self.ext = ext
        self.command = command
        self.expected = expected
        self.launcher = launcher
    }

    /// True when each job runs in a folder of its own: the probe has files or a working directory.
    public var hasOwnFolder: Bool { files != nil || workingDirectory != nil }

    /// Why `name` cannot name a probe, or `nil` when it can.
    public static func problem(withName name: ByteString) -> String? {
        if name.isEmpty { return "a probe name must not be empty" }
        if name.contains(0) { return "a probe name must not hold a NUL byte" }
        if name.contains(10) || name.contains(13) { return "a probe name must be one line" }
        return nil
    }
}
