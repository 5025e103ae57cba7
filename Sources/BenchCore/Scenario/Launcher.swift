/// What runs a compile in front of the compiler (`ccache`, `distcc`, `icecc`), as CMake's
/// `CMAKE_<LANG>_COMPILER_LAUNCHER` does: an argv prefix.
public enum Launcher {
    /// The Debian packages of the launchers bench knows, for the message when one is missing.
    static let packages = ["ccache": "ccache", "distcc": "distcc", "icecc": "icecc", "sccache": "sccache"]

    /// Throws unless `launcher` is empty or names a program that exists, before anything runs.
    public static func check(_ launcher: [ByteString]) throws(BenchError) {
        guard let program = launcher.first else { return }
        if let item = launcher.first(where: { $0.isEmpty || $0.contains(0) }) {
            throw .invalidValue("launcher: '\(TerminalText.line(item))' cannot be an argument (empty, or holding a NUL byte)")
        }
        guard Executable.which(program) == nil else { return }
        let name = TerminalText.line(program.lastPathComponent)
        let hint = packages[name].map { " (Debian: sudo apt-get install \($0))" } ?? ""
        throw .programNotFound(
            "launcher '\(TerminalText.line(program))' not found\(program.containsSlash ? "" : " in PATH"); install it\(hint) or name another with --launcher"
        )
    }

    /// The words of `--launcher "CMD ARGS"`: split at spaces and tabs.
    public static func parse(_ text: ByteString) -> [ByteString] {
        text.bytes.split(whereSeparator: { $0 == 32 || $0 == 9 }).map { ByteString(bytes: $0) }
    }
}
