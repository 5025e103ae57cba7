import ArgumentParser
import BenchCore

extension Bench {
    /// `bench list`: every recipe on the recipe path, one line each.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the recipes bench finds by name: those in $BENCH_PATH's folders, then bench's own.",
            discussion: """
                Each line gives the name (what `bench run NAME` takes), the recipe's summary (its first \
                line, when that is a `--` comment) and its file. When two folders hold a recipe of the \
                same name, the first folder's is run, and the later one is marked as shadowed.
                """
        )

        func run() throws {
            let path = RecipeLocation.path()
            let (entries, problems) = path.list()
            for problem in problems { Console.error("bench: warning: \(problem)") }
            let width = entries.map(\.recipe.name.count).max() ?? 0
            let summaries = entries.map { $0.recipe.summary ?? "(no summary line)" }
            let summaryWidth = summaries.map(\.count).max() ?? 0
            for (entry, summary) in zip(entries, summaries) {
                let r = entry.recipe
                var line = r.name.padding(width) + "  " + summary.padding(summaryWidth) + "  " + TerminalText.line(r.path)
                if let winner = entry.shadowedBy { line += "  (shadowed by \(TerminalText.line(winner)))" }
                Console.out(line)
            }
            if entries.isEmpty {
                let searched = path.folders.map { TerminalText.line($0) }.joined(separator: ", ")
                Console.error("bench: no recipes found (searched: \(searched.isEmpty ? "no folders; set BENCH_PATH" : searched))")
            }
        }
    }
}
