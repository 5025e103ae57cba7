/// Base64 (RFC 4648, with padding): how a recording keeps bytes that are not UTF-8 text in JSON.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `bytes` as Base64 text.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let chunk = (UInt32(bytes[i]) << 16) | (n > 1 ? UInt32(bytes[i + 1]) << 8 : 0) | (n > 2 ? UInt32(bytes[i + 2]) : 0)
            for k in 0..<4 { out.append(k <= n ? alphabet[Int((chunk >> (18 - 6 * UInt32(k))) & 63)] : UInt8(ascii: "=")) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `text` encodes, or `nil` when it is not Base64 with padding.
    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 4 * 3)
        for start in stride(from: 0, to: chars.count, by: 4) {
            var chunk: UInt32 = 0
            var pads = 0
            for k in 0..<4 {
                let c = chars[start + k]
                if c == UInt8(ascii: "=") && start + 4 == chars.count && k >= 2 {
                    pads += 1
                    chunk <<= 6
                    continue
                }
                guard pads == 0, let v = alphabet.firstIndex(of: c) else { return nil }
                chunk = (chunk << 6) | UInt32(v)
            }
            out.append(UInt8(chunk >> 16))
            if pads < 2 { out.append(UInt8((chunk >> 8) & 0xFF)) }
            if pads < 1 { out.append(UInt8(chunk & 0xFF)) }
        }
        return out
    }
}
