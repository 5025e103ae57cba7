import Glibc

/// Where recipes are found by name: folders searched in order, as `PATH` is for programs (the
/// folders of `$BENCH_PATH`, then the recipes that come with bench). A recipe is a `NAME.lua`
/// directly in a folder; modules for `require` live in the folder's `lib/`.
public struct RecipePath: Sendable, Equatable {
    /// The folders, in search order.
    public var folders: [ByteString]

    /// A path of `folders`.
    public init(folders: [ByteString]) { self.folders = folders }

    /// True when `argument` names a recipe on the path rather than a file: it has no `/` and
    /// does not end in `.lua`.
    public static func isName(_ argument: ByteString) -> Bool {
        !argument.containsSlash && !argument.text.hasSuffix(".lua") && !argument.isEmpty
    }

    /// The file of the recipe called `name`: the first folder's that has one. The error lists
    /// the folders searched.
    public func find(_ name: ByteString) throws(BenchError) -> ByteString {
        for folder in folders {
            let file = folder + "/" + name + ".lua"
            if Self.isRegularFile(file) { return file }
        }
        let searched = folders.isEmpty ? "no folders" : folders.map { TerminalText.line($0) }.joined(separator: ", ")
        throw .invalidValue("no recipe named '\(TerminalText.line(name))' on the recipe path (\(searched)); `bench list` shows the recipes there")
    }

    /// One recipe file found on the path.
    public struct Entry: Sendable, Equatable {
        /// The recipe.
        public var recipe: Recipe
        /// The earlier file of the same name that `bench run NAME` runs instead, if any.
        public var shadowedBy: ByteString?
    }

    /// Every recipe on the path, folder by folder, each folder's sorted by name; a later file
    /// of a name already found is marked as shadowed. Folders that cannot be read are skipped
    /// and named in `problems`.
    public func list() -> (entries: [Entry], problems: [String]) {
        var entries: [Entry] = []
        var problems: [String] = []
        var first: [String: ByteString] = [:]
        for folder in folders {
            guard let names = Self.luaFiles(in: folder) else {
                problems.append("cannot read the recipe folder \(TerminalText.line(folder)): \(String(cString: strerror(errno)))")
                continue
            }
            for file in names {
                let path = folder + "/" + file
                do {
                    let recipe = try Recipe.read(path)
                    entries.append(Entry(recipe: recipe, shadowedBy: first[recipe.name]))
                    if first[recipe.name] == nil { first[recipe.name] = path }
                } catch {
                    problems.append(error.description)
                }
            }
        }
        return (entries, problems)
    }

    /// The `require` patterns of these folders' `lib/`, in order, for `package.path`.
    public var modulePatterns: [ByteString] {
        folders.flatMap { [$0 + "/lib/?.lua", $0 + "/lib/?/init.lua"] }
    }

    private static func isRegularFile(_ path: ByteString) -> Bool {
        var st = stat()
        return path.withCString { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// The names of the regular `*.lua` files in `folder`, sorted; nil if it cannot be read.
    private static func luaFiles(in folder: ByteString) -> [ByteString]? {
        guard let directory = folder.withCString({ opendir($0) }) else { return nil }
        defer { closedir(directory) }
        var names: [ByteString] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { ByteString(bytes: $0.prefix { $0 != 0 }) }
            if name.text.hasSuffix(".lua"), name.count > 4, isRegularFile(folder + "/" + name) { names.append(name) }
        }
        return names.sorted()
    }
}
