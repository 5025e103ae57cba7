/// What a report may be asked for besides its document.
public struct RenderingOptions: Sendable, Equatable {
    /// Add the compiler's messages for failing probes (`-v`), where the format shows probes.
    public var verbose: Bool
    /// Add ANSI colour, where the format has any (the table).
    public var color: Bool
    /// The unit of every time in a table (hyperfine's `-u`); `nil` fits each to its size.
    public var timeUnit: TimeUnit?
    /// The order of the table's rows and the summaries' comparisons (hyperfine's `--sort`).
    public var sort: ReportOrder

    /// Options for a report; by default neither verbose nor coloured, as a file is written.
    public init(verbose: Bool = false, color: Bool = false, timeUnit: TimeUnit? = nil, sort: ReportOrder = .auto) {
        self.verbose = verbose
        self.color = color
        self.timeUnit = timeUnit
        self.sort = sort
    }
}

/// A format a result document is shown in. Each renders from the document alone, so a saved
/// document shows again exactly as it did; `Renderers.documents` lists every one.
public protocol DocumentRenderer: Sendable {
    /// The name `--format`, `--export-NAME` and a scenario's `report` use.
    var name: String { get }
    /// What the format is for, a few words for the help.
    var purpose: String { get }
    /// The document's text in this format, ending with a newline unless empty.
    func render(_ document: ResultDocument, options: RenderingOptions) -> String
}

/// A format a comparison with a baseline is shown in (`bench compare`, `bench run --baseline`);
/// `Renderers.comparisons` lists every one.
public protocol ComparisonRenderer: Sendable {
    /// The name `--format` and `--export-NAME` use.
    var name: String { get }
    /// The comparison's text in this format; `color` adds ANSI colour where the format has any.
    func render(_ comparison: BaselineComparison, color: Bool) -> String
}
