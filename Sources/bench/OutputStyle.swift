import BenchCore

/// hyperfine's `--style`: whether `bench time` colours its table, draws its progress line and
/// prints its report at all.
enum OutputStyle: String, NamedChoice {
    /// Colour and a progress line when stdout and stderr are terminals (and NO_COLOR is unset).
    case auto
    /// Neither colour nor a progress line.
    case basic
    /// Colour and a progress line, terminals or not.
    case full
    /// A progress line on a terminal, no colour.
    case nocolor
    /// Colour, no progress line.
    case color
    /// Nothing on stdout and no progress line: only the files asked for (`--output`, the exports).
    case none

    /// Whether the table on stdout is coloured.
    var color: Bool {
        switch self {
        case .auto: return Terminal.wantsColor
        case .full, .color: return true
        case .basic, .nocolor, .none: return false
        }
    }

    /// The progress line on stderr, if this style draws one.
    func progressLine() -> ProgressLine? {
        switch self {
        case .auto, .nocolor: return ProgressLine.forTerminal()
        case .full: return ProgressLine.always()
        case .basic, .color, .none: return nil
        }
    }

    /// Whether the report is printed on stdout (it is still written to `--output`).
    var printsReport: Bool { self != .none }
}
