-- Replays the compiler checks a Meson configure step logged, with every strategy
--
-- Every "Running compile:" block of the log becomes a probe that runs the exact command Meson
-- ran, its source written from the log's Code: block into bench's own directory and every
-- path of the check's private directory remapped there. All the checks form one batch, run
-- as Meson runs them (serial) and with each concurrent strategy; every replayed outcome is
-- checked against the one the log recorded.
--
--   bench run meson-log -D log=builddir/meson-logs/meson-log.txt
--   bench run meson-log -D log=build/meson-logs/meson-log.txt -r 10 --format markdown

local mesonlog = require "mesonlog"

local path = bench.param("log", { default = "", help = "the Meson log to replay: builddir/meson-logs/meson-log.txt" })
local function usage(message)
  io.stderr:write("bench: error: " .. message .. "\n")
  os.exit(2)
end
if path == "" then usage("give the Meson log to replay: -D log=builddir/meson-logs/meson-log.txt") end
local file, why = io.open(path, "rb")
if not file then usage("cannot read the log: " .. why) end
local text = file:read("a")
file:close()
local log, problem = mesonlog.parse(text)
if not log then usage(path .. ": " .. problem) end

local probes, skipped, counts, seen, ran = {}, {}, {}, {}, 0
local function skip(check, reason) skipped[#skipped + 1] = string.format("%s: %s", check.name, reason) end
for _, check in ipairs(log.checks) do
  if check.ran then ran = ran + 1 end
  if not check.command then
    skip(check, "no command line in the log")
  else
    local missing
    for _, a in ipairs(check.command) do
      local file = a:match("^(/.+%.[cCmSsfF][%w+]*)$")
      if file and not (check.workdir and file:sub(1, #check.workdir) == check.workdir) and not io.open(file, "rb") then missing = file end
    end
    if missing then
      skip(check, "the source file " .. missing .. " no longer exists")
    else
      local name = check.name
      if seen[name] then seen[name] = seen[name] + 1; name = string.format("%s #%d", name, seen[name]) else seen[name] = 1 end
      local ext
      for _, a in ipairs(check.command) do ext = ext or a:match("/testfile(%.[%w+]+)$") end
      probes[#probes + 1] = { name = name, source = check.code ~= "" and check.code or nil, ext = ext, command = mesonlog.remap(check),
                              expected = check.status and check.status == 0 or nil }
      local key = check.compiler .. " " .. check.kind
      counts[key] = (counts[key] or 0) + 1
    end
  end
end
if #probes == 0 then usage(path .. ": the log holds no compiler check that can be replayed") end

local tally = {}
for key, n in pairs(counts) do tally[#tally + 1] = string.format("%d %s", n, key) end
table.sort(tally)
print(string.format("%s: %d checks replayed (Meson %s): %s", path, #probes, log.version, table.concat(tally, ", ")))
if not log.checks[1].status then
  print("this log records no outcomes (Meson before 1.2): outcomes are replayed, not compared")
end
if #log.commands > 0 then
  print(string.format("skipped: %d command%s that %s not a compiler check (%s)", #log.commands, #log.commands == 1 and "" or "s",
                      #log.commands == 1 and "is" or "are", log.commands[1]))
end
if ran > 0 then print(string.format("skipped: the execution step of %d run check%s (bench replays the compiles)", ran, ran == 1 and "" or "s")) end
for _, s in ipairs(skipped) do print("skipped: " .. s) end

local document = bench.measure{
  name = "meson-log", description = "the compiler checks of " .. path .. ", replayed",
  probes = probes, batch = "all",
}
if bench.options.dry_run then return end

local m = document.measurements[1]
local serial, best
for _, run in ipairs(m.runs) do
  if run.strategy == "serial" then serial = run
  elseif not best or run.wall_s.median < best.wall_s.median then best = run end
end
print(string.format("%-10s %3s  %12s  %10s  %9s", "strategy", "-j", "median wall", "efficiency", "vs serial"))
for _, run in ipairs(m.runs) do
  print(string.format("%-10s %3d  %10.3f s  %8.1f %%  %8s", run.strategy, run.concurrency, run.wall_s.median,
                      run.efficiency * 100, run.speedup_vs_serial and string.format("%.2f×", run.speedup_vs_serial) or ""))
end
local differing = 0
for _, p in ipairs(m.runs[1].probes) do
  if p.expected ~= nil and p.expected ~= p.ok then
    differing = differing + 1
    print(string.format("differs from the log: %s: the log recorded %s, the replay %s", p.name,
                        p.expected and "success (-> 0)" or "failure", p.ok and "succeeded" or "failed"))
  end
end
for _, d in ipairs(m.disagreements) do print("the strategies disagree: " .. d) end
if serial and best then
  print(string.format("Answer: serially, as Meson runs them today, these %d checks take %.3f s; %s -j %d takes %.3f s: "
                      .. "concurrency saves %.0f %% of the configure checks' time on this machine (%d cores).",
                      #probes, serial.wall_s.median, best.strategy, best.concurrency, best.wall_s.median,
                      (1 - best.wall_s.median / serial.wall_s.median) * 100, bench.cores))
end
if differing == 0 and log.checks[1].status then print("every replayed outcome equals the log's") end
