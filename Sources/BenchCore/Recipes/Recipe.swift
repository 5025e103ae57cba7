import Foundation

/// A recipe file as bench knows it before running it: its name, where it is, the one-line
/// summary its first comment gives, and the sha256 that says exactly which version it is.
public struct Recipe: Sendable, Equatable {
    /// The file's name without `.lua`: what `bench run NAME` finds it by.
    public var name: String
    /// The path it was read from.
    public var path: ByteString
    /// The text of its first line when that is a `--` comment (after a `#!` line, if any).
    public var summary: String?
    /// The SHA-256 of its bytes, in hexadecimal.
    public var sha256: String

    /// Creates a recipe's identity.
    public init(name: String, path: ByteString, summary: String?, sha256: String) {
        self.name = name
        self.path = path
        self.summary = summary
        self.sha256 = sha256
    }

    /// Reads the recipe at `path`; the error says why it cannot be read.
    public static func read(_ path: ByteString) throws(BenchError) -> Recipe {
        Recipe(path: path, contents: try FileContents.read(path))
    }

    /// The identity of the recipe whose bytes, read from `path`, are `contents`: a script read
    /// once (from a pipe, say) is hashed and run from the same bytes.
    public init(path: ByteString, contents: ByteString) {
        self.init(name: Self.name(of: path), path: path, summary: Self.summary(of: contents), sha256: SHA256.hex(contents.bytes))
    }

    /// The recipe name of the file at `path`: its last component without `.lua`.
    public static func name(of path: ByteString) -> String {
        let file = path.lastPathComponent.text
        return file.hasSuffix(".lua") ? String(file.dropLast(4)) : file
    }

    /// The summary line of a recipe's text: the first line, after a `#!` line, when it is a
    /// one-line `--` comment (not a `--[[` block).
    static func summary(of contents: ByteString) -> String? {
        var lines = contents.bytes.split(separator: 10, maxSplits: 2, omittingEmptySubsequences: false).map { ByteString(bytes: $0).text }
        if lines.first?.hasPrefix("#!") == true { lines.removeFirst() }
        guard let first = lines.first, first.hasPrefix("--"), !first.hasPrefix("--[[") else { return nil }
        let text = first.dropFirst(2).trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : TerminalText.line(text)
    }
}
