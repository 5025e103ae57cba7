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
local replay = require "replaying"

local path = bench.param("log", { default = "", help = "the Meson log to replay: builddir/meson-logs/meson-log.txt" })
if path == "" then bench.usage_error("give the Meson log to replay: -D log=builddir/meson-logs/meson-log.txt") end
local file, why = io.open(path, "rb")
if not file then bench.usage_error("cannot read the log: " .. why) end
local text = file:read("a")
file:close()
local log, problem = mesonlog.parse(text)
if not log then bench.usage_error(path .. ": " .. problem) end

local ran, checks = 0, {}
for _, check in ipairs(log.checks) do
  local replayed = { name = check.name, code = check.code, status = check.status, logged = check.logged,
                     compiler = check.compiler, kind = check.kind }
  if check.cached then
    replayed.skip = "cached (Meson reused the outcome of an earlier, identical compile)"
  elseif not check.command then
    replayed.skip = "the log gives no command line"
  else
    local missing = replay.missing_path(check.command, check.workdir)
    if missing then
      replayed.skip = "a path it names no longer exists: " .. missing
    else
      if check.ran then ran = ran + 1 end
      replayed.command = mesonlog.remap(check)
      for _, a in ipairs(check.command) do replayed.ext = replayed.ext or a:match("/testfile(%.[%w+]+)$") end
    end
  end
  checks[#checks + 1] = replayed
end

local notes = {}
if log.setups > 1 then notes[#notes + 1] = string.format("this file holds the logs of %d meson setup runs, one after the other", log.setups) end
local outcomes = false
for _, check in ipairs(log.checks) do outcomes = outcomes or check.status ~= nil end
if not outcomes then
  notes[#notes + 1] = "this log records no outcomes (Meson before 1.2): outcomes are replayed, not compared"
end
if #log.commands > 0 then
  notes[#notes + 1] = string.format("not replayed: %d command%s that %s not a compiler check (%s)", #log.commands,
                                    #log.commands == 1 and "" or "s", #log.commands == 1 and "is" or "are", log.commands[1])
end
if ran > 0 then
  notes[#notes + 1] = string.format("not replayed: the execution step of %d run check%s (bench replays the compiles)", ran, ran == 1 and "" or "s")
end
replay.run{ name = "meson-log", description = "the compiler checks of " .. path .. ", replayed", title = path,
            origin = "Meson " .. log.version, checks = checks, notes = notes }
