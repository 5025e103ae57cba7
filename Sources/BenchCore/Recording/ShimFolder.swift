import CSystem
import Glibc

/// The compiler stand-ins of `bench record`: hard links to `bench-shim` named after each compiler,
/// in a folder put first on `PATH` (`path/`) and named by `CC`, `CXX` and `FC` (`CC/gcc`), each
/// beside a `NAME.real` file naming what it runs.
///
/// The folder lives in the user's cache (`$XDG_CACHE_HOME/bench/shims`, else `~/.cache`), named
/// after a hash of its contents, and is never removed: CMake keeps the compiler's absolute
/// path in its cache, so a build folder configured under `bench record` runs the shim for as long
/// as it lives, and the shim, outside a recording, simply becomes the compiler.
public struct ShimFolder: Sendable {
    /// The folder.
    public let path: ByteString
    /// The variables set for the recorded command: `PATH` with `path/` first, and `CC`, `CXX`,
    /// `FC` where the command's environment names a compiler in them.
    public let environment: [ByteString: ByteString]
    /// Each shim's name and what it runs (launcher words, then the compiler's path).
    public let compilers: [(name: ByteString, runs: [ByteString])]
    /// The values the command's environment had for the variables bench set (absent: unset).
    let before: [ByteString: ByteString]

    /// The compiler names shimmed on `PATH` when the command's `PATH` has them.
    public static let names: [ByteString] = ["cc", "c++", "gcc", "g++", "clang", "clang++", "gfortran", "f95", "f90", "f77"]
    /// Programs that go before a compiler (`CC="ccache gcc"`) and stay before it.
    public static let launchers: Set<ByteString> = ["ccache", "sccache", "distcc", "icecc"]
    /// The variables that name compilers.
    public static let variables: [ByteString] = ["CC", "CXX", "FC"]

    /// Makes (or finds, made earlier) the folder for `environment` (the command's, usually
    /// bench's own), with links to `shim`, the `bench-shim` program (`ShimBuild`).
    public static func prepare(shim: ByteString, environment: [ByteString: ByteString]) throws(BenchError) -> ShimFolder {
        let search = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        var plan: [(folder: ByteString, name: ByteString, runs: [ByteString])] = []
        var variables: [ByteString: (folder: ByteString, name: ByteString, flags: [ByteString])] = [:]
        for variable in Self.variables {
            guard let value = environment[variable] else { continue }
            let words = value.bytes.split(separator: 0x20).map { ByteString(bytes: $0) }
            let launcherCount = words.prefix { launchers.contains($0.lastPathComponent) }.count
            guard launcherCount < words.count, let compiler = which(words[launcherCount], in: search),
                let launcher = resolved(Array(words[..<launcherCount]), in: search)
            else { continue }
            let name = words[launcherCount].lastPathComponent
            plan.append((variable, name, launcher + [compiler]))
            variables[variable] = (variable, name, Array(words[(launcherCount + 1)...]))
            if !words[launcherCount].containsSlash && !names.contains(name) { plan.append(("path", name, [compiler])) }
        }
        for name in names { if let compiler = which(name, in: search) { plan.append(("path", name, [compiler])) } }
        let description = plan.map { $0.folder + "/" + $0.name + "=" + $0.runs.joined(separator: "\n") }
        // The shim's path holds a hash of what it was compiled from (`ShimBuild`).
        let key = SHA256.hex(shim.bytes + [0] + description.flatMap { $0.bytes + [0] })
        let path = try cacheFolder(environment) + "/shims/" + ByteString(String(key.prefix(16)))
        try make(path, plan: plan, shim: shim)
        var set: [ByteString: ByteString] = ["PATH": path + "/path:" + search]
        for (variable, shimmed) in variables {
            set[variable] = ([path + "/" + shimmed.folder + "/" + shimmed.name] + shimmed.flags).joined(separator: " ")
        }
        let before = environment.filter { set[$0.key] != nil }
        return ShimFolder(path: path, environment: set, compilers: plan.map { ($0.folder + "/" + $0.name, $0.runs) }, before: before)
    }

    /// Where `program` is found on the recorded command's `PATH`, shims first: a command that is
    /// itself a compiler (`bench record -- cc -c a.c`) runs as its shim. `program` itself when it
    /// holds a `/` or is not found.
    public func resolve(_ program: ByteString) -> ByteString {
        Self.which(program, in: environment["PATH"] ?? "") ?? program
    }

    /// Puts back, in an invocation's environment, what bench set: the variables it set to their
    /// values before, where the invocation still had bench's value, and `PATH` without the shims.
    func undo(_ variables: inout [ByteString: ByteString]) {
        variables["BENCH_RECORD_DIR"] = nil
        for (name, value) in environment {
            let current = variables[name]
            if name == "PATH", let current, current.bytes.starts(with: (path + "/path:").bytes) {
                variables[name] = ByteString(bytes: current.bytes.dropFirst(path.count + 6))
            } else if current == value {
                variables[name] = before[name]
            }
        }
    }

    /// Where `name` runs from on `search` (a `PATH`), as an absolute path (a shim's `.real` file
    /// must name the same program from any directory); `nil` when it is not found or relative.
    private static func which(_ name: ByteString, in search: ByteString) -> ByteString? {
        Executable.which(name, in: search).flatMap { $0.bytes.first == UInt8(ascii: "/") ? $0 : nil }
    }

    private static func resolved(_ words: [ByteString], in search: ByteString) -> [ByteString]? {
        var out: [ByteString] = []
        for word in words {
            guard let path = which(word, in: search) else { return nil }
            out.append(path)
        }
        return out
    }

    /// `$XDG_CACHE_HOME/bench`, else `$HOME/.cache/bench`, with its `shims` folder, made if need be.
    static func cacheFolder(_ environment: [ByteString: ByteString]) throws(BenchError) -> ByteString {
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["HOME"].map { $0 + "/.cache" }
        guard let cache, cache.bytes.first == UInt8(ascii: "/") else {
            throw .io("bench record keeps its compiler shims in $XDG_CACHE_HOME or $HOME/.cache: set one of them")
        }
        for folder in [cache, cache + "/bench", cache + "/bench/shims"] {
            if folder.withCString({ mkdir($0, 0o755) }) != 0 && errno != EEXIST {
                throw .io("cannot make the shim folder \(TerminalText.line(folder)): \(String(cString: strerror(errno)))")
            }
        }
        return cache + "/bench"
    }

    /// Makes `path` whole, or finds it made: built beside it and renamed into place, so that two
    /// recordings starting at once never see half a folder.
    private static func make(_ path: ByteString, plan: [(folder: ByteString, name: ByteString, runs: [ByteString])], shim: ByteString)
        throws(BenchError)
    {
        if path.withCString({ access($0, F_OK) }) == 0 { return }
        let building = try TempDirectory(in: path.directoryPath)
        for (folder, name, runs) in plan {
            _ = (building.path + "/" + folder).withCString { mkdir($0, 0o755) }
            let file = folder + "/" + name
            guard !runs.contains(where: { $0.contains(0x0A) }) else {
                throw .invalidValue("cannot shim '\(TerminalText.line(name))': the path of what it runs holds a newline")
            }
            _ = try building.write(file + ".real", runs.joined(separator: "\n") + "\n")
            // A hard link: the shim finds what it runs from its own path (`/proc/self/exe`).
            let made = shim.withCString { from in (building.path + "/" + file).withCString { link(from, $0) } } == 0
            if !made { _ = try building.write(file, try FileContents.read(shim)) }
            _ = (building.path + "/" + file).withCString { chmod($0, 0o755) }
        }
        _ = building.path.withCString { chmod($0, 0o755) }
        if building.path.withCString({ from in path.withCString { rename(from, $0) } }) != 0 {
            let e = errno
            building.remove()
            guard e == EEXIST || e == ENOTEMPTY else {
                throw .io("cannot make the shim folder \(TerminalText.line(path)): \(String(cString: strerror(e)))")
            }
        }
    }
}
