import BenchCore
import BenchTestSupport
import Foundation
import Glibc
import Testing

/// Issue 7, item 2: bytes are bytes, in both directions, and text is made only at the edges.
extension ReliabilityTests {
    /// Random byte strings (all 256 values among them, valid UTF-8 or not) through stdin → child
    /// → stdout, argv, environment values, compile sources and job names, checked in Lua.
    static let roundTrip = """
        math.randomseed(7)
        local function random_bytes(n, lowest)
          local t = {}
          for i = 1, n do t[i] = string.char(math.random(lowest, 255)) end
          return table.concat(t)
        end
        local every = {}
        for b = 0, 255 do every[#every + 1] = string.char(b) end
        every = table.concat(every)
        local with_nul, without_nul = { every }, { every:sub(2) }
        for i = 1, 40 do
          with_nul[#with_nul + 1] = random_bytes(math.random(1, 300), 0)
          without_nul[#without_nul + 1] = random_bytes(math.random(1, 200), 1)
        end
        local jobs, expected, outputs = {}, {}, {}
        local function add(job, want) jobs[#jobs + 1] = job; expected[#jobs] = want end
        for i, s in ipairs(with_nul) do add({ "cat", stdin = s, name = s }, s) end
        for i, s in ipairs(without_nul) do
          add({ "printf", "%s", s, name = "argv" .. i }, s)
          add({ "sh", "-c", 'printf %s "$V"', env = { V = s }, name = "env" .. i }, s)
          local job = bench.compile{ compiler = "./copy-cc", source = s, name = "src" .. i, ext = ".x" }
          add(job, "")
          outputs[#jobs] = { path = job[#job], source = s }
        end
        local r = bench.run(jobs, { strategy = bench.args[1] })
        local wrong = 0
        for i, result in ipairs(r.results) do
          local ok = result.ok and result.stdout == expected[i]
          if i <= #with_nul and result.name ~= with_nul[i] then ok = false end
          if outputs[i] then
            local f = assert(io.open(outputs[i].path, "rb"))
            ok = ok and f:read("a") == outputs[i].source
            f:close()
          end
          if not ok then wrong = wrong + 1; io.stderr:write("job ", i, ": ", result.summary, "\\n") end
        end
        print(#jobs, wrong)
        """

    @Test(arguments: strategies)
    func randomByteStringsRoundTripExactlyThroughEveryChannel(strategy: String) async throws {
        let box = try Sandbox(
            [
                "copy-cc": "#!/bin/sh\nif [ \"$1\" = --version ]; then echo copy-cc 1; exit 0; fi\ncat \"$1\" > \"$3\"\n",
                "bytes.lua": Self.roundTrip,
            ], executable: ["copy-cc"])
        let r = await box.run(["run", "bytes.lua", "--", strategy])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.text == "164\t0\n", "\(r.stderr)")
        box.expectNothingLeft()
    }

    @Test func theScriptPathArgumentsOutputPathAndReporterOutputKeepTheirBytes() async throws {
        let box = try Sandbox([:])
        let name = ByteString([0x63, 0x61, 0x66, 0xE9]) + ".lua"  // "café" in Latin-1: not UTF-8
        let script = ByteString(
            """
            local a = bench.args
            print(#a[1], a[1] == "\\255\\0" or a[1] == "\\255x", a[2] == "caf\\233")
            return { compilers = { "gcc" }, ext = ".c", runs = 1, warmup = 0, strategies = { "serial" },
                     probes = { { name = "caf\\233", source = "int main(void) { return 0; }" } },
                     report = function(results) return "caf\\233\\233\\0\\255" end }
            """)
        let path = ByteString(box.directory) + "/" + name
        let fd = path.withCString { open($0, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644) }
        try #require(fd >= 0)
        _ = script.bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let output = ByteString([0x72, 0xE9, 0x73]) + ".out"
        let r = await box.run(bytes: ["run", name, "--output", output, "--", ByteString([0xFF, 0x78]), ByteString([0x63, 0x61, 0x66, 0xE9])])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stdout.text == "2\ttrue\ttrue\n")
        let written = FileManager.default.contents(atPath: box.directory + "/" + String(decoding: output.bytes, as: UTF8.self))
        let file = (ByteString(box.directory) + "/" + output).withCString { p -> [UInt8]? in
            let f = fopen(p, "rb")
            guard let f else { return nil }
            defer { fclose(f) }
            var bytes: [UInt8] = []
            while case let c = fgetc(f), c != EOF { bytes.append(UInt8(c)) }
            return bytes
        }
        #expect(written == nil, "the output path was decoded as text")
        #expect(file == Array("caf".utf8) + [0xE9, 0xE9, 0x00, 0xFF], "the reporter's bytes were changed: \(file ?? [])")
        box.expectNothingLeft(besides: ["caf\u{FFFD}.lua", "r\u{FFFD}s.out"])  // the names the test gave, as FileManager decodes them
    }

    @Test func controlBytesInNamesAndVersionsNeverReachATerminalTableOrMarkdown() async throws {
        let box = try Sandbox(
            [
                "esc-cc":
                    "#!/bin/sh\nif [ \"$1\" = --version ]; then printf 'esc-cc \\033[2J\\033]0;pwned\\007 1.0\\n'; exit 0; fi\nif grep -q nope \"$1\"; then printf 'bad \\033[5m\\n' >&2; exit 1; fi\ncp \"$1\" \"$3\"\n",
                "s.lua": """
                return { compilers = { "./esc-cc" }, ext = ".c", runs = 1, warmup = 0, strategies = { "serial", "async" },
                         probes = { { name = "red\\27[31m|x", source = "nope" }, { name = "bell\\7", source = "x" } } }
                """,
            ], executable: ["esc-cc"])
        for format in ["table", "markdown", "study", "csv"] {
            let r = await box.run(["run", "s.lua", "--format", format, "-v"])
            #expect(r.exitCode == 0, "\(format): \(r.stderr)")
            let shown = r.stdout.bytes + r.stderr.bytes
            #expect(!shown.contains(0x1B) && !shown.contains(0) && !shown.contains(7), "\(format) printed a control byte:\n\(r.stdout)")
            if format == "table" || format == "study" {
                #expect(r.stdout.text.contains("red\\x1B[31m"), "\(format):\n\(r.stdout)")
            }
            if format == "markdown" {  // shown as text, with Markdown's own characters escaped too
                #expect(r.stdout.text.contains("esc-cc \\\\x1B\\[2J\\\\x1B\\]0;pwned\\\\x07 1.0"), "\(format):\n\(r.stdout)")
            } else if format != "csv" {
                #expect(r.stdout.text.contains("esc-cc \\x1B[2J\\x1B]0;pwned\\x07 1.0"), "\(format):\n\(r.stdout)")
            }
        }
        let j = await box.run(["run", "s.lua", "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(j.stdout.bytes)) as? [String: Any]
        let probes = (((document?["measurements"] as? [[String: Any]])?.first?["runs"] as? [[String: Any]])?.first?["probes"] as? [[String: Any]])?
            .map { $0["name"] as? String }
        #expect(probes == ["red\u{1B}[31m|x", "bell\u{7}"], "JSON keeps the names, escaped as JSON escapes them")
        box.expectNothingLeft()
    }
}
