-- Compile-only C jobs through distcc to the hosts of DISTCC_HOSTS, against the same jobs compiled locally
--
-- distcc sends `-c` compiles (not links, not preprocessing) to the hosts it is given, as many
-- at once as they allow (`distcc -j`). This recipe compiles the same C files locally at one
-- job per core, and through distcc at distcc's concurrency. distcc's own state goes to the
-- run's directory (DISTCC_DIR), never ~/.distcc. distcc falls back to compiling locally when a
-- host fails, silently: run with DISTCC_FALLBACK=0 to be sure the hosts did the work.
--
--   DISTCC_HOSTS="build1/8 build2/8" bench run distcc
--   DISTCC_HOSTS="127.0.0.1:36320/2 127.0.0.1:36321/2" DISTCC_FALLBACK=0 bench run distcc -D count=48
--   bench run distcc --launcher icecc        # or icecream's icecc as the launcher

local count = bench.param("count", { default = 24, min = 1, max = 100000, help = "compile jobs per batch" })
local compiler = bench.param("compiler", { default = "gcc", help = "the C compiler the hosts run" })

local launcher = bench.options.launcher or "distcc"
local hosts = os.getenv("DISTCC_HOSTS")
if not bench.which("distcc") then bench.usage_error("distcc not found in PATH; install it (Debian: sudo apt-get install distcc)") end
if not hosts or hosts == "" then bench.usage_error("set DISTCC_HOSTS to the hosts to compile on (DISTCC_HOSTS=\"host1/8 host2/8\"; see distcc(1))") end
local cc = assert(bench.compiler(compiler))
local env = { DISTCC_DIR = bench.tempdir() }

local slots_job = { "distcc", "-j" }
slots_job.env = env
local slots = tonumber((bench.spawn(slots_job).stdout:match("%d+"))) or bench.cores

-- Sources that take a moment to compile, each different: a few dozen small functions.
local probes = {}
for i = 1, count do
  local body = { "#include <stdio.h>", "#include <string.h>", "#include <stdlib.h>" }
  for f = 1, 40 do
    body[#body + 1] = string.format("int f%d_%d(int x) { int s = %d; for (int k = 0; k < x; k++) s = s * 31 + k %% %d; return s; }", i, f, i, f + 1)
  end
  body[#body + 1] = string.format("int main(void) { return f%d_1(3) == 0; }", i)
  probes[i] = { name = "unit " .. i, source = table.concat(body, "\n") .. "\n",
                command = { "{compiler}", "-O2", "-c", "{source}", "-o", "{output}" } }
end

local base = { compilers = { cc.name }, ext = ".c", probes = probes, env = env, strategies = { "threads" } }
local function with(fields)
  local t = {}
  for k, v in pairs(base) do t[k] = v end
  for k, v in pairs(fields) do t[k] = v end
  return t
end
local here = bench.measure(with{ name = "distcc: locally, one job per core", concurrency = bench.cores, launcher = {} })
local there = bench.measure(with{ name = "distcc: through " .. launcher, concurrency = slots, launcher = { launcher } })
if bench.options.dry_run then return end

print(string.format("%d compile-only jobs (-c -O2) of %s; DISTCC_HOSTS=%s", count, cc.version, hosts))
for _, m in ipairs { here.measurements[1], there.measurements[1] } do
  for _, run in ipairs(m.runs) do
    print(string.format("  %-40s %-8s -j %-3d %8.3f s  (%d failed)", m.scenario.name, run.strategy, run.concurrency,
                        run.wall_s.median, run.failed))
  end
end
local a, b = here.measurements[1].runs[1], there.measurements[1].runs[1]
if a.failed > 0 or b.failed > 0 then
  bench.fail(string.format("%d local and %d distributed jobs failed: with DISTCC_FALLBACK=0, a host that refuses a job fails it (-v and `bench run --dry-run` show the commands)",
                           a.failed, b.failed))
end
print(string.format("through %s: %.2f× the local time (%s)", launcher, b.wall_s.median / a.wall_s.median,
                    b.wall_s.median < a.wall_s.median and "faster" or "slower"))
