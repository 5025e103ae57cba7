/// The result document itself, every sample: what `bench report` and `bench compare` read back.
public struct JSONReport: DocumentRenderer {
    /// The format's name.
    public let name = "json"
    /// What it is for.
    public let purpose = "the result document itself, every sample"

    /// Makes the renderer.
    public init() {}

    /// The document as JSON.
    public func render(_ document: ResultDocument, options: RenderingOptions) -> String { document.json.serialized() + "\n" }
}
