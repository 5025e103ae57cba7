/// Whether a probe's job succeeded: ok only if every copy of it did, in every sample.
public struct ProbeOutcome: Sendable, Equatable {
    /// The probe's name.
    public var name: ByteString
    /// True when every copy exited with status 0 in every sample.
    public var ok: Bool
    /// How many copies failed in the sample that showed a failure first.
    public var failedCopies: Int
    /// The first failing copy's stderr, or why it could not run ("" when all passed).
    public var message: ByteString
    /// The outcome the probe should have had (its `expected`), if it declared one.
    public var expected: Bool?

    /// Creates an outcome.
    public init(name: ByteString, ok: Bool, failedCopies: Int = 0, message: ByteString = "", expected: Bool? = nil) {
        self.name = name
        self.ok = ok
        self.failedCopies = failedCopies
        self.message = message
        self.expected = expected
    }

    /// True when the probe declared an outcome and had the other one.
    public var isUnexpected: Bool { expected.map { $0 != ok } ?? false }
}
