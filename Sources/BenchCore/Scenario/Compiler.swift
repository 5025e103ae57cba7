import Glibc

/// A compiler found on this machine: what the name resolved to and what it says its version is.
public struct Compiler: Sendable, Hashable {
    /// The name it was asked for (`gfortran`, or a path).
    public var name: ByteString
    /// The absolute path that runs.
    public var path: ByteString
    /// The first non-empty line of `path --version`, as text (for reports).
    public var version: String

    /// How long a compiler may take to say its version before bench gives up on it.
    public static let versionTimeout = 10.0

    /// Creates a compiler description.
    public init(name: ByteString, path: ByteString, version: String) {
        self.name = name
        self.path = path
        self.version = version
    }

    /// Finds `nameOrPath` (in `PATH` unless it holds a `/`) and asks its version, through the
    /// spawn layer: a compiler that does not answer within `versionTimeout` is killed with its
    /// process group, and a cancelled `cancellation` stops the question at once.
    public static func find(_ nameOrPath: ByteString, cancellation: Cancellation? = nil) throws(BenchError) -> Compiler {
        let path = try locate(nameOrPath)
        let job = Job(name: nameOrPath + " --version", argv: [path, "--version"], timeout: versionTimeout)
        let result = Spawn.run(job, cancellation: cancellation)
        if result.interrupted { throw .interrupted }
        let output = result.stdout.isEmpty ? result.stderr : result.stdout
        let shown = "compiler '\(TerminalText.line(nameOrPath))' (\(TerminalText.line(path)))"
        guard result.ok else { throw .programNotFound("\(shown) failed on --version: \(result.summary)") }
        guard let line = output.text.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw .programNotFound("\(shown) printed no version for --version")
        }
        return Compiler(name: nameOrPath, path: path, version: String(line.trimmingTrailingWhitespace()))
    }

    /// The path `nameOrPath` runs as, without running it; the error says how to install it.
    public static func locate(_ nameOrPath: ByteString) throws(BenchError) -> ByteString {
        guard let path = Executable.which(nameOrPath) else {
            let shown = TerminalText.line(nameOrPath)
            throw .programNotFound("compiler '\(shown)' not found\(nameOrPath.containsSlash ? "" : " in PATH"); \(installHint(for: nameOrPath.text))")
        }
        return path
    }

    /// A sentence telling how to get a compiler like `name`: Debian's package of that kind, of
    /// that version where the name ends in one (`clang-19` is in `clang-19`, `g++-12` in `g++-12`).
    static func installHint(for name: String) -> String {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        let parts = base.split(separator: "-", omittingEmptySubsequences: false)
        let versioned = parts.count > 1 && parts.last!.allSatisfy(\.isNumber) && !parts.last!.isEmpty
        let version = versioned ? "-" + parts.last! : ""
        let kind: String? =
            base.contains("fortran")
            ? "gfortran" : base.hasPrefix("g++") ? "g++" : base.hasPrefix("gcc") || base == "cc" ? "gcc" : base.hasPrefix("clang") ? "clang" : nil
        if let kind { return "install it (Debian: sudo apt-get install \(kind)\(version)) or name another with --compiler" }
        return "install it or name another with --compiler"
    }

    /// The source file extension usually compiled by a compiler of this name, if it is a known kind.
    public var defaultExtension: String? {
        let base = path.lastPathComponent.text
        if base.contains("fortran") || base.hasPrefix("ifx") || base.hasPrefix("flang") { return ".f90" }
        if base.contains("++") { return ".cpp" }
        if base.hasPrefix("gcc") || base.hasPrefix("clang") || base == "cc" || base.hasPrefix("tcc") { return ".c" }
        return nil
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var s = self
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return s
    }
}
