/// Keeps the last `limit` bytes of a stream and counts what it cut, so a child that floods
/// its output costs bench bounded memory.
struct OutputBuffer {
    let limit: Int
    private var bytes: [UInt8] = []
    private(set) var dropped = 0

    init(limit: Int) { self.limit = max(0, limit) }

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: chunk)
        // Trim only once the excess is large, so that appending stays amortised O(1).
        if bytes.count > 2 * limit + 65_536 { trim() }
    }

    private mutating func trim() {
        let excess = bytes.count - limit
        guard excess > 0 else { return }
        bytes.removeFirst(excess)
        dropped += excess
    }

    /// The kept tail, byte for byte, and how many bytes were cut.
    mutating func finish() -> (bytes: ByteString, dropped: Int) {
        trim()
        return (ByteString(bytes), dropped)
    }
}
