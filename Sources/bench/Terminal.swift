import Glibc

/// What bench asks of the terminal it runs in.
enum Terminal {
    /// Colour on stdout: it is a terminal, and NO_COLOR is unset or empty (no-color.org).
    static var wantsColor: Bool {
        isatty(1) != 0 && (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
    }
}
