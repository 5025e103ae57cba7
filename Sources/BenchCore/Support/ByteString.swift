import Glibc

/// A string of bytes, kept exactly: what Lua strings, argv, environment values, paths, a job's
/// standard input and a child's output are. Nothing here assumes UTF-8; text is made only at an
/// edge that needs it (`text`, JSON, Markdown, SVG, a terminal).
///
///     let name: ByteString = "caf\u{e9}"          // from Swift text: its UTF-8
///     let raw = ByteString([0x63, 0x61, 0x66, 0xE9])  // any bytes, valid UTF-8 or not
public struct ByteString: Sendable, Hashable, Comparable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The bytes.
    public var bytes: [UInt8]

    /// The given bytes, as they are.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The given bytes, as they are.
    public init<S: Sequence>(bytes: S) where S.Element == UInt8 { self.bytes = Array(bytes) }

    /// The bytes of a NUL-terminated C string (an environment variable, a path the kernel gave).
    public init(cString: UnsafePointer<CChar>) { self.init(bytes: UnsafeRawBufferPointer(start: cString, count: strlen(cString))) }

    /// The UTF-8 of `text`.
    public init(_ text: String) { bytes = Array(text.utf8) }

    /// The UTF-8 of a literal.
    public init(stringLiteral text: String) { self.init(text) }

    /// The UTF-8 of an interpolated literal: `"c\(index)-"`.
    public init(stringInterpolation: DefaultStringInterpolation) { self.init(String(stringInterpolation: stringInterpolation)) }

    /// True when there are no bytes.
    public var isEmpty: Bool { bytes.isEmpty }

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// The bytes as text: each sequence that is not valid UTF-8 becomes U+FFFD. For edges that
    /// need text (messages, JSON); never for data that goes back to a program or a file.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// `text`, so that a byte string reads naturally inside a message.
    public var description: String { text }

    /// True when the bytes hold `byte`.
    public func contains(_ byte: UInt8) -> Bool { bytes.contains(byte) }

    /// True when `text`'s UTF-8 bytes occur in these bytes.
    public func contains(_ text: String) -> Bool { bytes.contains(subsequence: Array(text.utf8)) }

    /// Every occurrence of `text` (as UTF-8 bytes) replaced by `replacement`, left to right.
    public func replacing(_ text: String, with replacement: ByteString) -> ByteString {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, contains(text) else { return self }
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if i + needle.count <= bytes.count && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                out += replacement.bytes
                i += needle.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return ByteString(out)
    }

    /// True when the bytes are valid UTF-8.
    public var isValidUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// Calls `body` with the bytes as a NUL-terminated C string (a NUL byte inside ends it early:
    /// check with `contains(0)` where that matters).
    public func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// The bytes as a NUL-terminated array, for calls that write into their argument (the
    /// template of `mkstemp` and `mkdtemp`); `ByteString(cString:)` reads it back.
    public var cCharacters: [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    /// Byte-wise order, as `strcmp` sorts.
    public static func < (a: ByteString, b: ByteString) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    /// The two strings one after the other.
    public static func + (a: ByteString, b: ByteString) -> ByteString { ByteString(a.bytes + b.bytes) }

    /// Appends `b`.
    public static func += (a: inout ByteString, b: ByteString) { a.bytes += b.bytes }

    /// The last path component: what follows the last `/` (the whole string if there is none).
    public var lastPathComponent: ByteString {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return self }
        return ByteString(Array(bytes[(slash + 1)...]))
    }

    /// The directory a path lands in: "." for a bare name, "/" for a file at the root.
    public var directoryPath: ByteString {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == 0 ? "/" : ByteString(Array(bytes[..<slash]))
    }

    /// True when the bytes hold a `/`.
    public var containsSlash: Bool { contains(UInt8(ascii: "/")) }
}

extension Array where Element == ByteString {
    /// The byte strings one after another, `separator` between each two; empty for none.
    public func joined(separator: ByteString) -> ByteString {
        dropFirst().reduce(first ?? ByteString([])) { $0 + separator + $1 }
    }
}

extension Array where Element == UInt8 {
    /// True when `needle` occurs in the array as a run of consecutive bytes.
    func contains(subsequence needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
