import BenchCore
import Foundation
import Testing

/// Issue 25 (reliability, round three): each item's test, named by the item.
extension ReliabilityTests {
    /// Item 16: an error raised with a value that is not a string says where, and what it was.
    @Test(arguments: [
        ("error({code = 1})", "bench: error: e.lua:2: error raised with a table value, not a message (give error() a string, or a value whose metatable has __tostring)"),
        ("error(true)", "bench: error: e.lua:2: error raised with a boolean value, not a message (give error() a string, or a value whose metatable has __tostring)"),
        ("error(setmetatable({}, { __tostring = function() return 'e.lua: custom' end }))", "bench: error: e.lua: custom"),
    ])
    func anErrorValueThatIsNotAStringIsShownWithItsPlace(statement: String, message: String) async throws {
        let box = try Sandbox(["e.lua": "local x = 1\n\(statement)\n"])
        let r = await box.run(["run", "e.lua"], timeout: 30)
        #expect(r.exitCode == 2, "\(r.summary)")
        #expect(r.stderr.text.split(separator: "\n").first.map(String.init) == message, "\(r.stderr.text)")
        box.expectNothingLeft()
    }

    /// Item 10: a script read from a pipe runs, and what ran is what was hashed (bench read the
    /// pipe once for the hash and ran nothing).
    @Test func aScriptFromAPipeRunsTheBytesThatWereHashed() async throws {
        let script = "-- from a pipe\nreturn { name = 'piped', probes = { { name = 't', command = { 'true' } } } }\n"
        let box = try Sandbox([:])
        let r = await spawn(Job(
            argv: [ByteString(benchBinary()), "run", "/dev/stdin", "-r", "1", "-w", "0", "--strategy", "serial", "--export-json", "p.json"],
            workingDirectory: ByteString(box.directory), environment: ["TMPDIR": ByteString(box.tmp)], stdin: ByteString(script), timeout: 60))
        #expect(r.exitCode == 0, "\(r.stdout.text)\(r.stderr.text)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: box.directory + "/p.json"))) as? [String: Any])
        #expect((json["recipe"] as? [String: Any])?["sha256"] as? String == SHA256.hex(Array(script.utf8)))
        let measurements = try #require(json["measurements"] as? [[String: Any]])
        #expect(measurements.map { ($0["scenario"] as? [String: Any])?["name"] as? String } == ["piped"])
    }
}
