-- Replays every compile a recorded configure step ran, with every strategy, and says what concurrency would save
--
-- `bench record -- ./configure` (or cmake, meson setup, any command) writes a recording: every
-- compiler invocation with its arguments, directory, inputs and outcome. Each becomes a probe
-- that runs the exact command in a private copy of its directory and inputs; all of them form
-- one batch, run as the build system ran them (serial) and with each concurrent strategy, and
-- every replayed outcome is checked against the recorded one.
--
--   bench run replay -D recording=bench-recording.json
--   bench run replay -D recording=bench-recording.json -r 5 -j 2 --format markdown

local replay = require "replaying"

local path = bench.param("recording", { default = "", help = "the recording to replay, as bench record wrote it" })
if path == "" then bench.usage_error("give the recording to replay: -D recording=bench-recording.json") end
local recording, problem = bench.recording(path)
if not recording then bench.usage_error(problem) end

local function basename(p) return p:match("[^/]*$") end
local function dirname(p) return p:match("^(.*)/[^/]*$") end
local function under(p, dir) return p == dir or p:sub(1, #dir + 1) == dir .. "/" end

-- What a compile does, from its options: preprocess (-E), compile (-c, -S) or compile and link.
local function kind_of(argv)
  local kind = "link"
  for _, a in ipairs(argv) do
    if a == "-E" then return "preprocess" end
    if a == "-c" or a == "-S" then kind = "compile" end
  end
  return kind
end

local exists = replay.exists

-- Options whose value is a path, glued to the option (-I/usr/include, -o/tmp/x.o).
local glued_options = { "-I", "-L", "-o", "-MF", "-isystem", "-iquote", "-idirafter", "-include" }
-- Options whose next argument is an output, never an input (-o -: stdout).
local output_options = { ["-o"] = true, ["-MF"] = true, ["-MT"] = true, ["-MQ"] = true }

-- The invocation as a check for replay.run: the real compiler (and launcher) the shim ran, its
-- arguments, every absolute path inside its directory, or inside a folder of one of its inputs
-- that no longer exists (a scratch folder the build system removed), moved under {root}, the
-- private copy of that directory, with the folders its outputs go in.
local function check_of(n, inv)
  local files, folders = {}, { inv.cwd }
  for _, f in ipairs(inv.files) do
    files[f.path] = f.bytes
    local folder = f.path:sub(1, 1) == "/" and dirname(f.path)
    if folder and folder ~= "" and not exists(folder) then folders[#folders + 1] = folder end
  end
  local function moved(p)
    if p:sub(1, 1) ~= "/" then return false end
    for _, folder in ipairs(folders) do if under(p, folder) then return true end end
    return false
  end
  local command = {}
  for _, word in ipairs(inv.compiler) do command[#command + 1] = word end
  local skip
  for i = 2, #inv.argv do
    local a, option = inv.argv[i], inv.argv[i - 1]
    if moved(a) then
      a = "{root}" .. a
    else
      for _, o in ipairs(glued_options) do
        local path = a:sub(1, #o) == o and a:sub(#o + 1)
        if path and path:sub(1, 1) == "/" and moved(path) then a = o .. "{root}" .. path; break end
      end
    end
    if a == "-" and not output_options[option] and not inv.stdin then
      skip = "reads its source from standard input, which the recording does not hold"
    end
    if (option == "-o" or option == "-MF") and dirname(inv.argv[i]) then
      local folder = dirname(inv.argv[i])
      if folder ~= "" then files[folder .. "/"] = "" end
    end
    command[#command + 1] = a
  end
  local outcome = inv.exit
  if inv.signal then outcome = 128 + inv.signal end
  local sources = {}
  for _, f in ipairs(inv.files) do sources[#sources + 1] = basename(f.path) end
  local kind = kind_of(inv.argv)
  local check = { name = string.format("%d %s %s%s", n, basename(inv.argv[1]), kind, #sources > 0 and " " .. table.concat(sources, " ") or ""),
                  command = command, files = files, cwd = inv.cwd, status = outcome, kind = kind,
                  compiler = basename(inv.argv[1]), logged = inv.stderr, skip = skip, stdin = inv.stdin, env = inv.environment }
  if not skip then
    local missing = replay.missing_path(command, nil)
    if missing then check.skip = "a path it names no longer exists: " .. missing end
  end
  return check
end

-- Whether the invocation's test program holds autoconf's results so far (the defines above
-- "/* end confdefs.h.  */"; PACKAGE_* are not results): nil when it is no autoconf program.
local function dependent(inv)
  local found
  for _, f in ipairs(inv.files) do
    local defines = f.bytes:match("^(.-)/%* end confdefs%.h%.%s*%*/")
    if defines then found = false end
    for name in (defines or ""):gmatch("\n#define ([%w_]+)") do
      if not name:match("^PACKAGE_") then return true end
    end
  end
  return found
end

-- Counted only where the recording tells (autoconf's programs); nil elsewhere, not 0.
local checks, dependents = {}, nil
for n, inv in ipairs(recording.invocations) do
  checks[#checks + 1] = check_of(n, inv)
  local d = dependent(inv)
  if d ~= nil then dependents = (dependents or 0) + (d and 1 or 0) end
end
local command = table.concat(recording.command, " ")
local notes = {
  string.format("recorded: '%s' in %s, %s, exit %s; %d compiler invocations ran %.3f s of its %.3f s (%.0f %%)", command,
                recording.cwd, recording.started, recording.exit or ("signal " .. tostring(recording.signal)),
                #recording.invocations, recording.compiler_s, recording.wall_s,
                recording.wall_s > 0 and recording.compiler_s / recording.wall_s * 100 or 0),
}
local spec = {
  name = "replay", description = "the compiles of '" .. command .. "', replayed", title = path,
  origin = "recorded by bench " .. recording.bench, checks = checks, notes = notes, source = "the recording",
  recording = { command = command, wall_s = recording.wall_s, compiler_s = recording.compiler_s,
                invocations = #recording.invocations, dependent = dependents },
}
replay.run(spec)

-- The projection, as the result document holds it (bench computes it from the replay's runs),
-- in the words of bench's own report (Projection.sentences), which --format table also prints.
local m = spec.measurement
if m and m.projection then
  local p, step = m.projection, m.scenario.recording
  local function seconds(x)
    if x >= 1 then return string.format("%.3f s", x) end
    if x >= 1e-3 then return string.format("%.1f ms", x * 1e3) end
    return string.format("%.1f µs", x * 1e6)
  end
  local strategy = p.strategy == "serial" and "serial" or string.format("%s -j %d", p.strategy, p.concurrency)
  local replayed = p.replayed_serial_s
    and string.format("serially %s, with %s %s: at that speed-up its compiles take ", seconds(p.replayed_serial_s), strategy, seconds(p.replayed_s))
    or string.format("with %s %s, so its compiles take ", strategy, seconds(p.replayed_s))
  print(string.format("Projection: '%s' took %s; its %d compiler invocations ran %s of it (%d %%). Replayed, they take %s%s, "
                      .. "and the step about %s (%d %% %s) on this machine, if its build system ran these compiles concurrently.",
                      step.command, seconds(step.wall_s), step.invocations, seconds(step.compiler_s),
                      math.floor((step.wall_s > 0 and step.compiler_s / step.wall_s * 100 or 0) + 0.5), replayed, seconds(p.compiler_s),
                      seconds(p.wall_s), math.floor(math.abs(p.saving) * 100 + 0.5), p.saving >= 0 and "less" or "more"))
  local assumption = "This assumes the compiles are independent of each other"
  if step.dependent and step.dependent > 0 then
    assumption = assumption .. string.format(": %d of them compile results of earlier checks (confdefs.h), which would have to come first", step.dependent)
  end
  print(assumption .. ".")
end
