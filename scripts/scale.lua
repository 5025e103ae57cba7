-- Many tiny jobs in one batch: what bench itself costs per job, against the floor
--
-- Every job is /bin/true, so the time is almost all spawning and reaping. bench measures
-- the floor in the same run: bench.floor, a bare spawn-and-wait loop through bench's own spawn
-- layer (no pipes, no pidfd, no rusage) at the same -j, and at -j 1 for serial. Each strategy's
-- time per job is then a ratio to it, from pairs of batches run next to each other, and each
-- figure is the median over the rounds, so a burst of load on a shared machine moves one
-- sample, not the ratio.
--
--   bench run scale                                     # 10,000 jobs at -j 64, every strategy
--   bench run scale -D count=5000 -j 2 -D rounds=9
--   bench run scale -D count=2000 -j unbounded --strategy async
--
-- It fails (exit 1) if any job fails. Its last line is bench's own peak RSS for the run.

local count = bench.param("count", { default = 10000, min = 1, max = 1000000, help = "jobs of /bin/true in one batch" })
local rounds = bench.param("rounds", { default = 5, min = 1, max = 100, help = "interleaved rounds; each figure is their median" })
local true_job = bench.job{ "/bin/true", name = "true" }
local jobs = {}
for i = 1, count do jobs[i] = true_job end

local strategies = bench.options.strategies or { "async", "threads", "processes", "serial" }  -- bench's own
local level = bench.options.concurrency or "64"

local function median(xs)
  local s = {}
  for i, x in ipairs(xs) do s[i] = x end
  table.sort(s)
  local n = #s
  return n % 2 == 1 and s[(n + 1) // 2] or (s[n // 2] + s[n // 2 + 1]) / 2
end

-- Each strategy's batch is paired with a floor batch at the level it runs at (serial's at 1),
-- measured next to it, first before it and then after it in alternate rounds; its ratio is the
-- median of its pairs' ratios, so a machine that slows down or speeds up between pairs moves
-- both halves of a pair, not the ratio.
local function floor_level(strategy)
  if strategy == "serial" then return 1 end
  return level == "unbounded" and count or tonumber(level)
end

local ratios, walls, cpus, floors, used, floor_used = {}, {}, {}, {}, {}, {}
local function add(t, key, x)
  t[key] = t[key] or {}
  table.insert(t[key], x)
end

for round = 1, rounds do
  for _, strategy in ipairs(strategies) do
    local floor, batch
    local function measure_floor() floor = bench.floor(true_job, { count = count, concurrency = floor_level(strategy) }) end
    local function measure_batch() batch = bench.run(jobs, { strategy = strategy, concurrency = level }) end
    if round % 2 == 1 then measure_floor(); measure_batch() else measure_batch(); measure_floor() end
    if batch.failed > 0 then
      for _, r in ipairs(batch.results) do
        if not r.ok then bench.fail(string.format("%s: %d jobs failed, the first: %s", strategy, batch.failed, r.summary)) end
      end
    end
    used[strategy], floor_used[strategy] = batch.concurrency, floor.concurrency
    add(walls, strategy, batch.wall_s)
    add(cpus, strategy, batch.runner_cpu_s or 0)
    add(floors, floor.concurrency, floor.wall_s)
    add(ratios, strategy, floor.wall_s > 0 and batch.wall_s / floor.wall_s or 0)  -- 0 under --dry-run
  end
end

local function per_job(xs) return median(xs) / count * 1e6 end
print(string.format("%d jobs of /bin/true per batch, -j %s, %d cores; medians of %d rounds, each strategy paired with a floor batch",
  count, level, bench.cores, rounds))
local levels = {}
for l in pairs(floors) do table.insert(levels, l) end
table.sort(levels, function(a, b) return a > b end)
for _, l in ipairs(levels) do print(string.format("%-9s -j %-5d %7.1f µs per job", "floor", l, per_job(floors[l]))) end
for _, strategy in ipairs(strategies) do
  print(string.format("%-9s -j %-5d %7.1f µs per job  %5.3f× the floor at -j %d  bench CPU %5.1f µs per job",
    strategy, used[strategy], per_job(walls[strategy]), median(ratios[strategy]),
    floor_used[strategy], per_job(cpus[strategy])))
end
local usage = bench.own_usage()
print(string.format("bench peak RSS: %.1f MiB", usage.peak_rss_kib / 1024))
