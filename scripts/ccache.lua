-- ccache on configure-style checks: no launcher, a cold cache and a warm one, with ccache's own counts
--
-- The same 20 compile-only checks and 10 link checks are measured three times with every
-- strategy: without a launcher, through ccache with its cache emptied before every batch
-- (cold), and through ccache filled by the warm-up (warm). ccache gets a cache of its own in
-- the run's directory (CCACHE_DIR), never the user's. Its hit and miss counts per run show
-- why link checks gain nothing: ccache does not cache links.
--
--   bench run ccache
--   bench run ccache -D compiler=clang -r 10 --strategy async,serial

local checks = require "checks"

local compiler = bench.param("compiler", { default = "gcc", help = "the C compiler ccache runs" })
if not bench.which("ccache") then
  bench.usage_error("ccache not found in PATH; install it (Debian: sudo apt-get install ccache)")
end
local cc = assert(bench.compiler(compiler))

local env = { CCACHE_DIR = bench.tempdir() .. "/ccache" }
local function ccache(...)
  local job = { "ccache", ... }
  job.env = env
  return bench.spawn(job)
end

local probes = {}
for _, h in ipairs { "stdio.h", "stdlib.h", "string.h", "unistd.h", "fcntl.h", "poll.h", "pthread.h", "signal.h", "locale.h",
                     "dlfcn.h", "sys/types.h", "sys/stat.h", "sys/time.h", "sys/wait.h", "sys/mman.h", "sys/socket.h",
                     "sys/inotify.h", "sys/epoll.h", "netinet/in.h", "arpa/inet.h" } do
  probes[#probes + 1] = checks.compiles("#include <" .. h .. ">\nint main(void) { return 0; }\n", { name = h })
end
for _, f in ipairs { "clock_gettime", "posix_spawn", "pipe2", "accept4", "memfd_create", "getentropy", "eventfd", "mkostemp",
                     "strnlen", "stpcpy" } do
  probes[#probes + 1] = checks.func(f)
end

-- ccache's counters, as `ccache --print-stats` prints them: "name<TAB>value" lines.
local function counters()
  local r = ccache("--print-stats")
  local found = {}
  for name, value in r.stdout:gmatch("([%w_]+)\t(%d+)") do found[name] = tonumber(value) end
  return found
end

-- Per measurement and strategy, what ccache did in the timed batches: read after each batch
-- (in the next batch's prepare, or at the end), then zeroed.
local counts, previous = {}, nil
local function take(label)
  if previous and previous.timed then
    local c = counters()
    local key = label .. "/" .. previous.strategy
    local t = counts[key] or { hits = 0, misses = 0, uncached = 0 }
    t.hits = t.hits + (c.direct_cache_hit or 0) + (c.preprocessed_cache_hit or 0)
    t.misses = t.misses + (c.cache_miss or 0)
    t.uncached = t.uncached + (c.called_for_link or 0) + (c.called_for_preprocessing or 0) + (c.compile_failed or 0)
    counts[key] = t
  end
  ccache("--zero-stats")
end
local function hooks(label, cold)
  return {
    prepare = function(event)
      take(label)
      if cold then ccache("--clear") end
      previous = event
    end,
    cleanup = function() take(label); previous = nil end,
  }
end

local results = {}
for _, variant in ipairs { { "no launcher", {}, false }, { "ccache, cold", { "ccache" }, true }, { "ccache, warm", { "ccache" }, false } } do
  local label, launcher, cold = variant[1], variant[2], variant[3]
  local h = hooks(label, cold)
  if #launcher > 0 then ccache("--clear") end
  results[#results + 1] = { label = label, launched = #launcher > 0, document = bench.measure{
    name = "ccache: " .. label, compilers = { cc.name }, ext = ".c", probes = probes, launcher = launcher, env = env,
    prepare = h.prepare, cleanup = h.cleanup,
  } }
end
if bench.options.dry_run then return end

local version = ccache("--version").stdout:match("^[^\n]*")
print(string.format("%s, %s: 20 compile-only checks and 10 link checks per batch", version, cc.version))
print(string.format("%-14s %-10s %3s  %12s  %9s  %6s  %9s", "", "strategy", "-j", "median wall", "hits", "misses", "not cached"))
for _, r in ipairs(results) do
  for _, run in ipairs(r.document.measurements[1].runs) do
    local c = counts[r.label .. "/" .. run.strategy]
    local samples = #run.wall_s.samples
    print(string.format("%-14s %-10s %3d  %10.3f s  %9s  %6s  %9s", r.label, run.strategy, run.concurrency, run.wall_s.median,
                        c and r.launched and string.format("%d", c.hits // samples) or "-",
                        c and r.launched and string.format("%d", c.misses // samples) or "-",
                        c and r.launched and string.format("%d", c.uncached // samples) or "-"))
  end
end
print("hits, misses and not cached: ccache's counts per batch (links are never cached)")
