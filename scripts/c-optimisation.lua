-- What does an optimisation level cost a configure-style compile? One small C program is
-- compiled and linked n times at each level, all copies of a level in one concurrent batch.
--
--   bench run scripts/c-optimisation.lua                 # gcc, 8 copies, -O0 then -O2
--   bench run scripts/c-optimisation.lua --compiler clang -n 32 -j 4 -- -O0 -O1 -O3

local cc = assert(bench.compiler(bench.options.compiler or "gcc"))
local levels = #bench.args > 0 and bench.args or { "-O0", "-O2" }
local copies = bench.options.repeats or 8

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
    cpu = cpu + r.user + r.sys
  end
  print(string.format("%-4s %.3f s wall, %.3f s CPU, %s, %d at a time",
                      level, batch.wall, cpu, batch.strategy, batch.concurrency))
end
