-- Replays the compiles a build system logged, with every strategy, and compares each outcome
-- with the logged one
--
--   local replay = require "replaying"
--   replay.run{ name = "meson-log", title = path, origin = "Meson 1.12.1", checks = checks, notes = { ... } }
--
-- Each check is { name =, code = the source ("" for an empty file, nil for none), ext = ".c",
-- command = { argv... } with {source}, {output} and {dir} for the check's private folder,
-- compiler = "cc", kind = "preprocess" | "compile" | "link", status = the logged exit status
-- (nil when the log has none), logged = the logged stderr's first line, skip = why it is not
-- replayed (nil when it is), files = { [path] = bytes } and cwd = the recorded directory, for a
-- compile that runs in a private copy of its directory (`{root}` in its command), stdin = what
-- it read on standard input, env = the variables it had that differ from bench's }. Every check that is not skipped becomes a probe of one batch,
-- measured like any scenario; a probe carries the logged outcome as `expected`, so that an
-- outcome that differs from the log's is listed and fails the run (exit 1).
-- A log reader is all a new kind of log needs: scripts/meson-log.lua is one.

local M = {}

-- Options whose value is a path, glued to the option (-I/usr/include) or in the next word.
local path_options = { "-I", "-L", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-B" }

-- The paths `argv` names: whole words that start with "/", the values of path options, and
-- the paths handed to the linker (-Wl,--version-script=/src/lib.map, -Wl,-rpath,/opt/lib).
local function named_paths(argv)
  local paths, i = {}, 2
  while i <= #argv do
    local a = argv[i]
    if a:sub(1, 1) == "/" then paths[#paths + 1] = a end
    if a:sub(1, 4) == "-Wl," then
      for piece in a:sub(5):gmatch("[^,]+") do
        local path = piece:match("^(/.*)") or piece:match("^[^=]*=(/.*)")
        if path then paths[#paths + 1] = path end
      end
    end
    for _, option in ipairs(path_options) do
      if a == option and argv[i + 1] then
        i = i + 1
        if argv[i]:sub(1, 1) == "/" then paths[#paths + 1] = argv[i] end
      elseif a:sub(1, #option) == option and a:sub(#option + 1, #option + 1) == "/" then
        paths[#paths + 1] = a:sub(#option + 1)
      end
    end
    i = i + 1
  end
  return paths
end

-- Whether `path` can be opened for reading: a file or a folder that exists.
function M.exists(path)
  local f = io.open(path, "rb")
  if f then f:close(); return true end
  return false
end
local exists = M.exists

-- The first path that `argv` names outside its private folder (`private`, a prefix) which no
-- longer exists, or nil: a check that needs the project's tree cannot be replayed without it.
function M.missing_path(argv, private)
  if argv[1]:sub(1, 1) == "/" and not exists(argv[1]) then return argv[1] end
  for _, path in ipairs(named_paths(argv)) do
    local inside = private and (path == private or path:sub(1, #private + 1) == private .. "/")
    if not inside and not path:find("{", 1, true) and not exists(path) then return path end
  end
end

local function plural(n, one, many) return string.format("%d %s", n, n == 1 and one or many) end

-- Prints what is replayed and what is skipped, by reason; returns the probes.
local function probes_of(spec)
  local probes, skipped, reasons, order, counts, seen = {}, {}, {}, {}, {}, {}
  for _, check in ipairs(spec.checks) do
    if check.skip then
      local reason = check.skip:gsub(": .*", "")
      if not reasons[reason] then reasons[reason] = 0; order[#order + 1] = reason end
      reasons[reason] = reasons[reason] + 1
      skipped[#skipped + 1] = check.name .. ": " .. check.skip
    else
      local name = check.name
      seen[name] = (seen[name] or 0) + 1
      if seen[name] > 1 then name = string.format("%s #%d", name, seen[name]) end
      local uses_source = false
      for _, a in ipairs(check.command) do uses_source = uses_source or a == "{source}" end
      probes[#probes + 1] = { name = name, source = uses_source and (check.code or "") or nil, ext = check.ext,
                              command = check.command, expected = check.status and check.status == 0,
                              files = check.files, cwd = check.cwd, stdin = check.stdin, env = check.env }
      check.probe = name
      local key = check.compiler .. " " .. check.kind
      counts[key] = (counts[key] or 0) + 1
    end
  end
  local keys, tally = {}, {}
  for key in pairs(counts) do keys[#keys + 1] = key end
  table.sort(keys)
  for i, key in ipairs(keys) do tally[i] = string.format("%d %s", counts[key], key) end
  print(string.format("%s: %s (%s): %d replayed (%s), %d skipped", spec.title, plural(#spec.checks, "compile", "compiles"),
                      spec.origin, #probes, table.concat(tally, ", "), #skipped))
  for _, note in ipairs(spec.notes or {}) do print(note) end
  if #skipped > 0 then
    local by = {}
    for _, reason in ipairs(order) do by[#by + 1] = string.format("%d %s", reasons[reason], reason) end
    print("skipped, by reason: " .. table.concat(by, "; "))
    for _, s in ipairs(skipped) do print("  skipped: " .. s) end
  end
  return probes
end

-- The table of strategies, and the serial and the fastest run.
local function print_runs(m)
  local serial, best
  print(string.format("%-10s %3s  %12s  %10s  %9s", "strategy", "-j", "median wall", "efficiency", "vs serial"))
  for _, run in ipairs(m.runs) do
    if run.strategy == "serial" then serial = run
    elseif not best or run.wall_s.median < best.wall_s.median then best = run end
    print(string.format("%-10s %3d  %10.3f s  %8.1f %%  %8s", run.strategy, run.concurrency, run.wall_s.median,
                        run.efficiency * 100, run.speedup_vs_serial and string.format("%.2f×", run.speedup_vs_serial) or ""))
  end
  return serial, best
end

local function first_line(text) return (text or ""):match("^%s*([^\n]*)") end

-- Lists every probe whose replayed outcome differs from the logged one; prints the counts.
local function compare(spec, m)
  local outcome = {}
  for _, run in ipairs(m.runs) do
    for _, p in ipairs(run.probes) do
      local o = outcome[p.name] or { ok = p.ok, message = p.message }
      if not p.ok and o.ok then o.ok, o.message = false, p.message end
      outcome[p.name] = o
    end
  end
  local compared, different = 0, 0
  for _, check in ipairs(spec.checks) do
    local o = check.probe and check.status and outcome[check.probe]
    if o then
      compared = compared + 1
      if o.ok ~= (check.status == 0) then
        different = different + 1
        local why = first_line(check.logged)
        local logged = check.status == 0 and "success (-> 0)"
          or string.format("failure (-> %d%s)", check.status, why ~= "" and ": " .. why or "")
        print(string.format("differs from %s: %s: %s recorded %s, the replay %s", spec.source, check.probe, spec.source, logged,
                            o.ok and "succeeded" or "failed: " .. first_line(o.message)))
      end
    end
  end
  local replayed = 0
  for _ in pairs(outcome) do replayed = replayed + 1 end
  print(string.format("compared with %s: %d of %d replayed checks; %d equal, %d different%s", spec.source, compared, replayed,
                      compared - different, different, compared < replayed and " (the others have no logged outcome)" or ""))
end

-- Replays `spec.checks` (see the top of this file) and reports; `spec.source` names what
-- recorded the outcomes in the report ("the log", the default, or "the recording"), and
-- `spec.recording` the recorded step, whose projection the report then gives (see bench.measure).
function M.run(spec)
  spec.source = spec.source or "the log"
  local probes = probes_of(spec)
  if #probes == 0 then
    bench.usage_error(spec.title .. ": none of its compiles can be replayed")
  end
  local document = bench.measure{ name = spec.name, description = spec.description, probes = probes, batch = "all",
                                  recording = spec.recording }
  if bench.options.dry_run then return end
  local m = document.measurements[1]
  spec.measurement = m
  local serial, best = print_runs(m)
  compare(spec, m)
  for _, d in ipairs(m.disagreements) do print("the strategies disagree: " .. d) end
  if serial and best then
    print(string.format("Answer: serially, as the build system runs them, these %d checks take %.3f s; %s -j %d takes %.3f s: "
                        .. "concurrency saves %.0f %% of their time on this machine (%d cores).",
                        #probes, serial.wall_s.median, best.strategy, best.concurrency, best.wall_s.median,
                        (1 - best.wall_s.median / serial.wall_s.median) * 100, bench.cores))
  end
end

return M
