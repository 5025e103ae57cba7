-- Many tiny jobs in one batch: what bench itself costs per job
--
-- Every job is /bin/true, so the time is almost all spawning and reaping: compare it with
-- the floor for this machine, ../shared/tools/spawn-floor.c, run in the same minute.
--
--   bench run scale                                      # 10,000 jobs at -j 64, every strategy
--   bench run scale -D count=2000 -j unbounded --strategy async
--
-- It fails (exit 1) if any job fails. Its last line is bench's own peak RSS for the run.

local count = bench.param("count", { default = 10000, min = 1, max = 1000000, help = "jobs of /bin/true in one batch" })
local jobs = {}
for i = 1, count do jobs[i] = bench.job{ "/bin/true", name = "true" } end

local strategies = bench.options.strategies or bench.strategies
local level = bench.options.concurrency or "64"
print(string.format("%d jobs of /bin/true per batch, -j %s, %d cores", count, level, bench.cores))
for _, strategy in ipairs(strategies) do
  local batch = bench.run(jobs, { strategy = strategy, concurrency = level })
  if batch.failed > 0 then
    for _, r in ipairs(batch.results) do
      if not r.ok then bench.fail(string.format("%s: %d jobs failed, the first: %s", strategy, batch.failed, r.summary)) end
    end
  end
  print(string.format("%-9s -j %-5d %7.3f s  %6.1f µs per job  bench CPU %.3f s",
    strategy, batch.concurrency, batch.wall, batch.wall / count * 1e6, batch.runner_cpu))
end
local usage = bench.usage()
print(string.format("bench peak RSS: %.1f MiB", usage.maxrss / 1024))
