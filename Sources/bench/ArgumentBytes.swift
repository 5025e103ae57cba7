import BenchCore

/// Command-line arguments are bytes, but swift-argument-parser parses `String`s. Each argument
/// crosses it escaped, losslessly: valid UTF-8 stays as it is, and each byte that is not part
/// of valid UTF-8 becomes the private-use scalar U+10FF00 + the byte (so do the bytes of a
/// genuine U+10FF00…U+10FFFF, which therefore round-trip too). `bytes` undoes it exactly.
enum ArgumentBytes {
    private static let base: UInt32 = 0x10FF00

    /// The process's arguments after the program name, escaped for the parser.
    static func escapedArguments() -> [String] {
        (1..<Int(CommandLine.argc)).map { i in
            escape(ByteString(cString: CommandLine.unsafeArgv[i]!).bytes)
        }
    }

    /// `raw` as a `String` the parser can carry, losslessly.
    static func escape(_ raw: [UInt8]) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        while i < raw.count {
            let lead = raw[i]
            let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            if length > 0, i + length <= raw.count, let text = String(validating: raw[i..<(i + length)], as: UTF8.self),
                let scalar = text.unicodeScalars.first, scalar.value < base
            {
                out.append(scalar)
                i += length
            } else {
                // Not UTF-8 here (or a scalar of the escape range): this one byte, escaped.
                out.append(Unicode.Scalar(base + UInt32(lead))!)
                i += 1
            }
        }
        return String(out)
    }

    /// The bytes an escaped argument stands for.
    static func bytes(_ escaped: String) -> ByteString {
        var out: [UInt8] = []
        for scalar in escaped.unicodeScalars {
            if scalar.value >= base { out.append(UInt8(scalar.value - base)) } else { out += Array(String(scalar).utf8) }
        }
        return ByteString(out)
    }
}

extension ArgumentBytes {
    /// The whole command line, the program as it was called first, byte for byte.
    static func commandLine() -> [ByteString] {
        (0..<Int(CommandLine.argc)).map { ByteString(cString: CommandLine.unsafeArgv[$0]!) }
    }
}
