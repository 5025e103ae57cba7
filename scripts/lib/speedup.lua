-- An example reporter: each strategy's speed-up over serial as a bar of text, short enough
-- for a chat message or a commit log. A scenario loads it with `require "lib.speedup"`
-- (scripts/fortran.lua does); then `--format speedup` selects it:
--
--   bench run scripts/fortran.lua -n 8 --format speedup
--
-- A reporter receives the same document as --format json (see the README's schema) as Lua
-- tables. It may print, write files, or return a string, which bench prints or writes to --output.

local bench = require "bench"

local function bar(x, scale)
  local eighths = math.floor(x * scale * 8 + 0.5)
  local blocks = { "▏", "▎", "▍", "▌", "▋", "▊", "▉" }
  return string.rep("█", eighths // 8) .. (blocks[eighths % 8] or "")
end

bench.reporter("speedup", function(document)
  local out = {}
  for _, m in ipairs(document.measurements) do
    local s = m.scenario
    out[#out + 1] = string.format("%s: %d jobs per batch, median of %d runs, %d cores",
                                  s.name, s.jobs_per_batch, s.runs, document.host.cores)
    for _, compiler in ipairs(m.compilers) do
      out[#out + 1] = compiler.version
      local best = 0
      for _, run in ipairs(m.runs) do
        if run.compiler == compiler.name then best = math.max(best, run.speedup_vs_serial or 0) end
      end
      for _, run in ipairs(m.runs) do
        if run.compiler == compiler.name and run.speedup_vs_serial then
          out[#out + 1] = string.format("  %-9s -j %-3d %5.2fx  efficiency %3.0f %%  %s",
            run.strategy, run.concurrency, run.speedup_vs_serial, run.efficiency * 100,
            bar(run.speedup_vs_serial, 24 / best))
        end
      end
    end
  end
  return table.concat(out, "\n") .. "\n"
end)
