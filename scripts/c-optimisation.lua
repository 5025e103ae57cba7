-- What one optimisation level costs a configure-style compile of a small C program
--
-- One small C program is compiled and linked `copies` times at each level, all copies of a
-- level in one concurrent batch.
--
--   bench run c-optimisation                             # gcc, 8 copies, -O0 then -O2
--   bench run c-optimisation --compiler clang -D copies=32 -D levels=-O0,-O1,-O3 -j 4

local levels = bench.param("levels", { default = { "-O0", "-O2" }, help = "the optimisation flags to compare",
                                       choices = { "-O0", "-O1", "-O2", "-O3", "-Os", "-Oz", "-Og", "-Ofast" } })
local copies = bench.param("copies", { default = 8, min = 1, max = 100000, help = "copies compiled at once at each level" })
local cc = assert(bench.compiler(bench.options.compiler or "gcc"))

local source = [[
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
]]

print(string.format("%s, %d copies per level", cc.version, copies))
for _, level in ipairs(levels) do
  local jobs = {}
  for i = 1, copies do
    jobs[i] = bench.compile{ compiler = cc, name = "hello", source = source, flags = { level } }
  end
  local batch = bench.run(jobs)             -- strategy and -j from the command line
  local cpu = 0
  for _, r in ipairs(batch.results) do
    if not r.ok then bench.fail(level .. ": " .. r.summary .. "\n" .. r.stderr) end
    cpu = cpu + r.user_s + r.sys_s
  end
  print(string.format("%-4s %.3f s wall, %.3f s CPU, %s, %d at a time",
                      level, batch.wall_s, cpu, batch.strategy, batch.concurrency))
end
