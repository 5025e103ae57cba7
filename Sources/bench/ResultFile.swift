import BenchCore

/// A result document read from the file a user named (`bench report`, `bench compare`,
/// `--baseline`); the error names the file and the field that is wrong.
enum ResultFile {
    /// The document in the file at `argument` (as the parser gave it).
    static func read(_ argument: String) throws(BenchError) -> ResultDocument {
        let path = ArgumentBytes.bytes(argument)
        do {
            let text = try FileContents.read(path)
            try MemoryHeadroom.ensure(documentOf: text.count, "it")
            return try ResultDocument(json: try JSONParser.parse(text))
        } catch {
            throw BenchError.invalidValue("\(TerminalText.line(path)): \(error)")
        }
    }
}
