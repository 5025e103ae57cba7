-- Reads every log of the corpus of real projects (meson-logs/, made by its regenerate.sh) and
-- prints one line of counts per log, which the test compares with meson-logs/counts.tsv.
-- Fails at the first compile that is named after a status line that is not the first one
-- after it, or whose name is not the one pinned below.
--
--   bench run mesoncorpus-test.lua -- FIXTURES_FOLDER NAME...
local mesonlog = require "mesonlog"
local names = require "mesonnames"
local dir = bench.args[1]

-- Compiles of the shapes that were misnamed before, pinned by log and line: a check's own
-- status line names it, Meson's probes and dependency lookups are named for what they are.
local pinned = {
  ["glib2.0"] = {
    [1036] = "check_header malloc.h", [1091] = "has_member struct stat st_mtimensec",
    [2767] = "has_function fdwalk (1 of 2)", [2795] = "has_function fdwalk (2 of 2)", [6008] = "compute_int POLLIN",
    [6272] = "has_type struct in6_addr", [6505] = "dependency iconv: link check",
    [6546] = "compiler probe: sizeof(void *)", [6565] = "compiler probe: --print-search-dirs", [6590] = "find_library m",
    [7221] = "has_header version (no status line)",
    [7234] = "has_header_symbol version _LIBCPP_VERSION (no status line) (1 of 2)",
  },
  -- The project's own unnamed cc.compiles() of __ANDROID__: not the "Intel Atomics" check after it.
  libdrm = { [110] = "unnamed compile (log line 110)", [147] = "links Intel Atomics" },
  dav1d = { [181] = "check_header stdatomic.h", [225] = "has_function getopt_long" },
  systemd = { [2378] = "unnamed compile (log line 2378)" },   -- cc.compiles() without a name: Meson says nothing
  gtk4 = { [3767] = "dependency librsvg-2.0: link check" },
  harfbuzz = {
    [529] = "compiler accepts -std=c++11",
    -- Meson's unlogged libc++ test, run while it sets up a C++ target: no later lookup's compile.
    [960] = "has_header version (no status line)",
  },
}

local function read(name)
  local f = assert(io.open(dir .. "/meson-logs/" .. name .. ".log", "rb"))
  local text = f:read("a")
  f:close()
  return text
end

for i = 2, #bench.args do
  local name = bench.args[i]
  local text = read(name)
  local log = assert(mesonlog.parse(text))
  local lines = {}
  for line in (text .. "\n"):gmatch("(.-)\r?\n") do lines[#lines + 1] = line end
  local counts = { cached = 0, unnamed = 0, probes = 0, dependency = 0, failed = 0, ["no status"] = 0 }
  local at = {}
  for _, c in ipairs(log.checks) do
    at[c.line] = c.name
    if c.result_line then
      -- The status line that named it is the first one after it: nothing in between names a check.
      for n = c.line + 1, c.result_line - 1 do
        if names.status(lines[n]) then
          error(string.format("%s:%d: %q is named by line %d, but line %d is a status line too", name, c.line, c.name, c.result_line, n))
        end
      end
    end
    if c.cached then counts.cached = counts.cached + 1
    elseif not c.status then counts["no status"] = counts["no status"] + 1
    elseif c.status ~= 0 then counts.failed = counts.failed + 1 end
    if c.name:find("^unnamed ") then counts.unnamed = counts.unnamed + 1 end
    if c.name:find("^compiler probe: ") then counts.probes = counts.probes + 1 end
    if c.name:find("^dependency ") then counts.dependency = counts.dependency + 1 end
  end
  for line, expected in pairs(pinned[name] or {}) do
    if at[line] ~= expected then error(string.format("%s:%d: named %q, expected %q", name, line, tostring(at[line]), expected)) end
  end
  print(string.format("%s\t%d compiles\t%d cached\t%d failed\t%d no status\t%d compiler probes\t%d in dependency lookups\t%d unnamed",
                      name, #log.checks, counts.cached, counts.failed, counts["no status"], counts.probes, counts.dependency, counts.unnamed))
end
