import ArgumentParser
import BenchCore
import Glibc

extension Bench {
    /// `bench report FILE.json`: shows a saved result document again, in any format, running nothing.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a saved result document (what --format json or --export-json wrote) again.",
            discussion: """
                Every format is rendered from the document alone, so `bench report A.json --format json` \
                writes A.json again byte for byte, and `--format markdown` what the run's --export-markdown wrote.
                """
        )

        @Argument(help: "The result document.", completion: .file(extensions: ["json"]))
        var file: String

        @OptionGroup(title: "Reports")
        var report: ReportOptions

        func run() throws {
            let status = show()
            if status != 0 { throw ExitCode(status) }
        }

        private func show() -> Int32 {
            do {
                let destinations = try report.destinations(inputs: [.init(role: "the document shown", path: ArgumentBytes.bytes(file))])
                let document = try ResultFile.read(file)
                let name = report.format ?? Renderers.documents[0].name
                guard let format = Renderers.document(named: name) else {
                    throw BenchError.invalidValue("unknown format '\(name)' (valid: \(Renderers.documentNames); a script's reporters need its run)")
                }
                let options = try report.rendering(color: Terminal.wantsColor && destinations.report == nil)
                let text = format.render(document, options: options)
                guard try destinations.write(ByteString(text), of: document, toStdout: true, cleanup: nil) else { return 128 + SIGPIPE }
                return 0
            } catch {
                Console.error("bench: error: \(error)")
                return 2
            }
        }
    }
}
