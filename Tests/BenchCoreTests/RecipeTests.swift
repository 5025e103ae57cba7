import BenchCore
import Foundation
import Testing

@Suite("Recipes and the recipe path")
struct RecipeTests {
    @Test func theSummaryIsAFirstLineComment() throws {
        let dir = try folder([
            "a.lua": "-- Compiles things\n-- more\nreturn {}", "b.lua": "#!/usr/bin/env bench\n--  Spaced  \n",
            "c.lua": "--[[ block ]]\n", "d.lua": "local x = 1 -- not a summary\n", "e.lua": "--\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func summary(_ file: String) throws -> String? { try Recipe.read(ByteString(dir + "/" + file)).summary }
        #expect(try summary("a.lua") == "Compiles things")
        #expect(try summary("b.lua") == "Spaced")
        #expect(try summary("c.lua") == nil)
        #expect(try summary("d.lua") == nil)
        #expect(try summary("e.lua") == nil)
        let a = try Recipe.read(ByteString(dir + "/a.lua"))
        #expect(a.name == "a" && a.sha256 == SHA256.hex(Array("-- Compiles things\n-- more\nreturn {}".utf8)))
    }

    @Test func theFirstFolderWinsAndLaterOnesAreMarkedShadowed() throws {
        let first = try folder(["team.lua": "-- the team's\n", "lib/helper.lua": "return 1\n", "notes.txt": ""])
        let second = try folder(["team.lua": "-- another team's\n", "zeta.lua": "-- last\n"])
        defer { for d in [first, second] { try? FileManager.default.removeItem(atPath: d) } }
        let path = RecipePath(folders: [ByteString(first), ByteString(second), "/no/such/folder"])
        #expect(try path.find("team") == ByteString(first + "/team.lua"))
        #expect(try path.find("zeta") == ByteString(second + "/zeta.lua"))
        #expect(throws: BenchError.self) { try path.find("helper") }  // a module, not a recipe
        let (entries, problems) = path.list()
        #expect(entries.map(\.recipe.name) == ["team", "team", "zeta"])
        #expect(entries.map(\.shadowedBy) == [nil, ByteString(first + "/team.lua"), nil])
        #expect(problems.count == 1 && problems[0].contains("/no/such/folder"))
        #expect(path.modulePatterns.first == ByteString(first + "/lib/?.lua"))
    }

    @Test func aNameHasNoSlashAndNoLuaSuffix() {
        #expect(RecipePath.isName("fortran"))
        #expect(!RecipePath.isName("fortran.lua"))
        #expect(!RecipePath.isName("./fortran"))
        #expect(!RecipePath.isName("scripts/fortran"))
        #expect(!RecipePath.isName(""))
    }

    private func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-recipes-\(UUID().uuidString.prefix(8))").path
        for (name, text) in files {
            let url = URL(fileURLWithPath: dir + "/" + name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return dir
    }
}
