-- Many tiny jobs in one batch: what bench itself costs per job, against the floor
--
-- Every job is /bin/true, so the time is almost all spawning and reaping. bench first measures
-- the floor in the same run: bench.floor, a bare spawn-and-wait loop through bench's own spawn
-- layer (no pipes, no pidfd, no rusage) at the same -j, and at -j 1 for serial. Each strategy's
-- time per job is then a ratio to it. The rounds interleave floor and strategies, and each
-- figure is the median over the rounds, so a burst of load on a shared machine moves one
-- sample, not the ratio.
--
--   bench run scale                                     # 10,000 jobs at -j 64, every strategy
--   bench run scale -D count=5000 -j 2 -D rounds=5
--   bench run scale -D count=2000 -j unbounded --strategy async
--
-- It fails (exit 1) if any job fails. Its last line is bench's own peak RSS for the run.

local count = bench.param("count", { default = 10000, min = 1, max = 1000000, help = "jobs of /bin/true in one batch" })
local rounds = bench.param("rounds", { default = 3, min = 1, max = 100, help = "interleaved rounds; each figure is their median" })
local true_job = bench.job{ "/bin/true", name = "true" }
local jobs = {}
for i = 1, count do jobs[i] = true_job end

local strategies = bench.options.strategies or bench.strategies
local level = bench.options.concurrency or "64"

local function median(xs)
  local s = {}
  for i, x in ipairs(xs) do s[i] = x end
  table.sort(s)
  local n = #s
  return n % 2 == 1 and s[(n + 1) // 2] or (s[n // 2] + s[n // 2 + 1]) / 2
end

local walls, cpus, used = {}, {}, {}
local function sample(key, wall, cpu)
  walls[key] = walls[key] or {}
  cpus[key] = cpus[key] or {}
  table.insert(walls[key], wall)
  table.insert(cpus[key], cpu or 0)
end

local needs_floor1 = false
for _, strategy in ipairs(strategies) do if strategy == "serial" and level ~= "1" then needs_floor1 = true end end

for _ = 1, rounds do
  local floor = bench.floor(true_job, { count = count, concurrency = level == "unbounded" and count or tonumber(level) })
  used.floor = floor.concurrency
  sample("floor", floor.wall)
  if needs_floor1 then sample("floor1", bench.floor(true_job, { count = count, concurrency = 1 }).wall) end
  for _, strategy in ipairs(strategies) do
    local batch = bench.run(jobs, { strategy = strategy, concurrency = level })
    if batch.failed > 0 then
      for _, r in ipairs(batch.results) do
        if not r.ok then bench.fail(string.format("%s: %d jobs failed, the first: %s", strategy, batch.failed, r.summary)) end
      end
    end
    used[strategy] = batch.concurrency
    sample(strategy, batch.wall, batch.runner_cpu)
  end
end

local function per_job(key) return median(walls[key]) / count * 1e6 end
print(string.format("%d jobs of /bin/true per batch, -j %s, %d cores; medians of %d interleaved rounds",
  count, level, bench.cores, rounds))
print(string.format("%-9s -j %-5d %7.1f µs per job", "floor", used.floor, per_job("floor")))
if needs_floor1 then print(string.format("%-9s -j %-5d %7.1f µs per job", "floor", 1, per_job("floor1"))) end
for _, strategy in ipairs(strategies) do
  local floor = (strategy == "serial" and needs_floor1) and "floor1" or "floor"
  local ratio = per_job(floor) > 0 and per_job(strategy) / per_job(floor) or 0  -- 0 under --dry-run
  print(string.format("%-9s -j %-5d %7.1f µs per job  %5.2f× the floor at -j %d  bench CPU %5.1f µs per job",
    strategy, used[strategy], per_job(strategy), ratio,
    strategy == "serial" and 1 or used.floor, median(cpus[strategy]) / count * 1e6))
end
local usage = bench.usage()
print(string.format("bench peak RSS: %.1f MiB", usage.maxrss / 1024))
