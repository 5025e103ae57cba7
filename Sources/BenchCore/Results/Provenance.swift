import Glibc

/// Where a result document came from, so that one measured elsewhere can be compared with
/// care: the recipe and its version, the parameters it ran with, the whole command line and
/// when. (bench's version, the host and the compilers' versions are the document's own fields.)
public struct Provenance: Sendable, Equatable {
    /// The recipe file that ran: its name, path and sha256 (its summary is not recorded).
    public var recipe: Recipe?
    /// Every parameter the recipe declared, with the value it had in this run.
    public var parameters: [ParameterSetting]
    /// The command line, argument by argument, starting with the program as it was called.
    public var commandLine: [ByteString]
    /// When the run started: UTC, ISO 8601 to the second ("2026-12-01T21:34:29Z").
    public var started: String

    /// Creates a provenance.
    public init(recipe: Recipe?, parameters: [ParameterSetting] = [], commandLine: [ByteString] = [], started: String) {
        self.recipe = recipe
        self.parameters = parameters
        self.commandLine = commandLine
        self.started = started
    }

    /// The current time as `started` records it.
    public static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let n = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
