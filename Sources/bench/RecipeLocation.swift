import BenchCore
import Glibc

/// Where `bench run NAME`, `bench info NAME` and `bench list` look for recipes: the folders of
/// `$BENCH_PATH` (colon-separated, as `PATH`), then the recipes that come with bench, which
/// are the `scripts/` folder of the package this binary was built in, found from the binary's
/// own location (`.build/release/bench` → `scripts/`), so that they work from any directory.
enum RecipeLocation {
    /// `$BENCH_PATH`'s folders (empty entries skipped), then bench's own recipes.
    static func path() -> RecipePath {
        var folders: [ByteString] = []
        if let value = getenv("BENCH_PATH") {
            folders = ByteString(cString: value).bytes.split(separator: UInt8(ascii: ":")).map { ByteString(bytes: $0) }
        }
        if let own = bundledFolder() { folders.append(own) }
        return RecipePath(folders: folders.uniqued())
    }

    /// The `scripts/` folder of the package that built the running binary.
    static func bundledFolder() -> ByteString? { packageFolder().map { $0 + "/scripts" } }

    /// The package that built the running binary: the nearest folder above it holding both
    /// `Package.swift` and `scripts/` (and `Sources/BenchShim`, the shim `bench record` compiles).
    static func packageFolder() -> ByteString? {
        var folder = executablePath().directoryPath
        for _ in 0..<6 {
            if isFile(folder + "/Package.swift") && isDirectory(folder + "/scripts") { return folder }
            let parent = folder.directoryPath
            guard parent != folder else { return nil }
            folder = parent
        }
        return nil
    }

    /// The file `argument` names: itself when it has a `/` or ends in `.lua`, else the recipe
    /// of that name on the path.
    static func resolve(_ argument: ByteString) throws(BenchError) -> ByteString {
        guard RecipePath.isName(argument) else { return argument }
        do { return try path().find(argument) } catch {
            guard mode(argument) != nil else { throw error }
            throw .invalidValue("\(error); to run the file '\(TerminalText.line(argument))' here, write ./\(TerminalText.line(argument))")
        }
    }

    private static func isFile(_ path: ByteString) -> Bool { mode(path) == S_IFREG }
    private static func isDirectory(_ path: ByteString) -> Bool { mode(path) == S_IFDIR }

    private static func mode(_ path: ByteString) -> mode_t? {
        var st = stat()
        return path.withCString { stat($0, &st) } == 0 ? st.st_mode & S_IFMT : nil
    }
}
