import Glibc

/// The `bench-shim` program, compiled from its C sources (`Sources/BenchShim`) by the system's C
/// compiler, once per version of them, into the user's cache.
///
/// Not a SwiftPM product: SwiftPM links every executable with the Swift runtime, and loading it
/// made every compile the shim stands in for start milliseconds later. Compiled here, statically
/// where the C library allows it, the shim adds 0.2 % to the instructions of a `gcc -c`.
public enum ShimBuild {
    /// The source files, in `Sources/BenchShim`.
    public static let sources: [ByteString] = ["shim.c", "inputs.c", "record.h"]
    /// The compilers tried, in order, on bench's `PATH`.
    public static let compilers: [ByteString] = ["cc", "gcc", "clang"]

    /// The path of the shim compiled from the sources in `folder`: `CACHE/bench/shim-HASH`, made
    /// now if it is not there yet (the first `bench record` after a change of the sources).
    public static func shim(from folder: ByteString, environment: [ByteString: ByteString]) throws(BenchError) -> ByteString {
        guard let compiler = compilers.lazy.compactMap({ Executable.which($0) }).first else {
            throw .programNotFound(
                "bench record compiles its shim with a C compiler: none of \(compilers.map(\.text).joined(separator: ", ")) is on PATH")
        }
        var bytes: [UInt8] = compiler.bytes + [0]
        for name in sources { bytes += try FileContents.read(folder + "/" + name).bytes + [0] }
        let cache = try ShimFolder.cacheFolder(environment)
        let path = cache + "/shim-" + ByteString(String(SHA256.hex(bytes).prefix(16)))
        if path.withCString({ access($0, X_OK) }) == 0 { return path }
        let building = try TempDirectory(in: cache)
        defer { building.remove() }
        let files = sources.filter { $0.bytes.last == UInt8(ascii: "c") }.map { folder + "/" + $0 }
        var result = JobResult.notStarted(Job(argv: [compiler]))
        for linking in [["-static"], []] as [[ByteString]] {
            let argv = [compiler, "-O2"] + linking + ["-o", building.path + "/bench-shim"] + files
            result = Spawn.run(Job(argv: argv, timeout: 120))
            if result.ok { break }
        }
        guard result.ok else {
            let why = result.error ?? TerminalText.line(result.stderr).prefix(300).description
            throw .couldNotStart("cannot compile bench's shim with \(TerminalText.line(compiler)): \(why)")
        }
        guard (building.path + "/bench-shim").withCString({ from in path.withCString { rename(from, $0) } }) == 0 else {
            throw .io("cannot put bench's shim at \(TerminalText.line(path)): \(String(cString: strerror(errno)))")
        }
        return path
    }
}
