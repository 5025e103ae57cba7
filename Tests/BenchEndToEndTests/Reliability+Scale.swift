import BenchCore
import BenchTestSupport
import Foundation
import Glibc
import Testing

/// Reliability at scale: thousands of jobs, the descriptor limit.
extension ReliabilityTests {
    // MARK: 5. Scale

    @Test func tenThousandJobsAtJ64InEveryExecutorLeakNoDescriptorsAndKeepMemoryBounded() async throws {
        let box = try Sandbox([
            "s.lua": """
            -- bench's open descriptors, counted by a child. The least of three counts, each a
            -- moment after the child started: while bench is still spawning a child it holds
            -- that child's pipe ends, which a leak-free count must not see.
            local function descriptors()
              local least = math.huge
              for _ = 1, 3 do
                least = math.min(least, tonumber(bench.spawn{ "sh", "-c", "sleep 0.05; ls /proc/$PPID/fd | wc -l" }.stdout))
              end
              return least
            end
            local jobs = {}
            for i = 1, 10000 do jobs[i] = { "/bin/true" } end
            -- The first batch of a kind opens what lives as long as the process (the event
            -- loop of Swift's runtime): count after it.
            local own = { "async", "threads", "processes", "serial" }
            for _, strategy in ipairs(own) do bench.run({ { "/bin/true" } }, { strategy = strategy }) end
            for _, strategy in ipairs(own) do
              local before = descriptors()
              local r = bench.run(jobs, { strategy = strategy, concurrency = 64 })
              print(strategy, r.failed, before, descriptors())
            end
            """
        ])
        let r = await box.run(["run", "s.lua"], timeout: 600)
        #expect(r.exitCode == 0, "\(r.stderr.text)")
        let lines = r.stdout.text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(lines.map { $0.first ?? "" } == Self.strategies)
        for line in lines {
            #expect(line.count == 4 && line[1] == "0", "failures: \(line)")
            #expect(line.count == 4 && line[2] == line[3], "descriptors before and after: \(line)")
        }
        #expect(r.maxRSS < 200 * 1024, "bench's peak RSS was \(r.maxRSS) KiB")
        #expect(box.survivors().isEmpty)
    }

    @Test func unboundedWithTwoThousandJobsQueuesBeyondTheDescriptorLimit() async throws {
        // A hard limit of 256 descriptors leaves room for (256 - 64) / 13 = 14 children at once.
        let box = try Sandbox([
            "s.lua": """
            local jobs = {}
            for i = 1, 2000 do jobs[i] = { "/bin/true" } end
            for _, strategy in ipairs { "async", "threads", "processes" } do
              local r = bench.run(jobs, { strategy = strategy, concurrency = "unbounded" })
              print(strategy, r.failed, r.concurrency)
            end
            """
        ])
        // Without a lower limit, bench raises its own to the hard limit.
        var limit = rlimit()
        #expect(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0)
        let slots = min(2000, (Int(clamping: limit.rlim_max) - 64) / Host.descriptorsPerSlot)
        let r = await box.run(["run", "s.lua"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.text == "async\t0\t\(slots)\nthreads\t0\t\(slots)\nprocesses\t0\t\(min(slots, 128))\n", "\(r.stderr.text)")
        let q = await box.run(["run", "s.lua"], under: "ulimit -n 256")
        #expect(q.exitCode == 0, "\(q.stderr.text)")
        #expect(q.stdout.text == "async\t0\t14\nthreads\t0\t14\nprocesses\t0\t14\n", "\(q.stderr.text)")
    }
}
