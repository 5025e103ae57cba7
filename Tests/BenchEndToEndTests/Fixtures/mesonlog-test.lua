-- Unit tests of scripts/lib/mesonlog.lua on two real logs of one project (meson-checks.build),
-- configured by Meson 1.12.1 and by Debian 12's Meson 1.0.1. Prints "ok", or fails at the line.
local mesonlog = require "mesonlog"
local dir = bench.args[1]
local function read(name)
  local f = assert(io.open(dir .. "/" .. name, "rb"))
  local text = f:read("a")
  f:close()
  return text
end
local function same(a, b, what)
  if a ~= b then error(string.format("%s: %q, expected %q", what, tostring(a), tostring(b)), 2) end
end

local names = table.concat({
  "has_header stdio.h", "has_header sys/inotify.h", "has_header no/such.h", "has_function clock_gettime",
  "has_function no_such_function_xyz (1 of 2)", "has_function no_such_function_xyz (2 of 2)",
  "get_supported_arguments -Wlogical-op", "get_supported_arguments -Wno-unused", "get_supported_arguments -Wbogus-flag",
  "compiles trivial", "links cos with -lm", "sizeof long", "run runs",
}, "|")

for _, case in ipairs { { "meson-1.12.log", "1.12.1", true }, { "meson-1.0.log", "1.0.1", false } } do
  local log = assert(mesonlog.parse(read(case[1])))
  same(log.version, case[2], case[1] .. " version")
  local found, kinds, statuses, ran = {}, {}, {}, 0
  for i, c in ipairs(log.checks) do
    found[i], kinds[i], statuses[i] = c.name, c.kind, tostring(c.status)
    same(c.compiler, "cc", case[1] .. " compiler")
    if c.ran then ran = ran + 1 end
  end
  same(table.concat(found, "|"), names, case[1] .. " names")
  same(table.concat(kinds, " "), "preprocess preprocess preprocess link link link compile compile compile compile link link link", case[1] .. " kinds")
  same(ran, 2, case[1] .. " run checks")
  same(#log.commands, 2, case[1] .. " commands that are not checks (the compiler's predefined macros)")
  assert(log.commands[1]:find("-E -dM -", 1, true), case[1] .. " " .. log.commands[1])
  if case[3] then
    same(table.concat(statuses, " "), "0 0 1 0 1 1 0 0 1 0 0 0 0", "statuses")
  else
    same(table.concat(statuses, " "), "nil nil nil nil nil nil nil nil nil nil nil nil nil", "no statuses before Meson 1.2")
  end
  local header = log.checks[1]
  assert(header.code:find('#include <stdio.h>', 1, true), "the Code: block")
  local argv = mesonlog.remap(header)
  same(argv[1], "cc", "program")
  same(argv[2], "{source}", "the source remapped")
  same(table.concat(argv, " ", 3, 5), "-E -P -D_FILE_OFFSET_BITS=64", "the rest kept")
  local link = mesonlog.remap(log.checks[11])
  same(link[2] .. " " .. link[3] .. " " .. link[4], "{source} -o {output}", "the output remapped")
  same(table.concat(link, " "):find(" -lm", 1, true) ~= nil, true, "libs kept")
end

-- meson-shapes.build: the checks whose compiles a status line does not name by itself
-- (Meson's own probes inside find_library and dependency(), a cached check, compute_int).
do
  local log = assert(mesonlog.parse(read("meson-1.12-shapes.log")))
  local found = {}
  for i, c in ipairs(log.checks) do found[i] = c.name .. (c.cached and " [cached]" or "") end
  same(table.concat(found, "|"), table.concat({
    "find_library m", "compiler probe: sizeof(void *)", "compiler probe: --print-search-dirs", "check_header stdatomic.h",
    "has_header stdio.h", "has_header stdio.h [cached]", "compute_int POLLIN", "has_member struct stat st_mtim",
    "has_member struct stat st_mtim,st_atim", "has_type struct in6_addr", "sizeof long", "alignment double",
    "get_define __linux__", "has_function getopt_long", "has_header_symbol stdlib.h malloc", "get_supported_arguments -Wall",
    "get_supported_arguments -Wbogus-x", "get_supported_link_arguments -Wl,--as-needed", "has_function_attribute unused",
    "links trivial links", "compiles trivial compiles", "run runs", "has_header vector", "find_library z",
    "find_library nosuchlibxyz", "compiler probe: sizeof(void *)", "compiler probe: --print-search-dirs",
  }, "|"), "meson-1.12-shapes.log names")
  local search = log.checks[3]
  same(search.code, "", "the library-directory probe compiles an empty file")
  same(search.status, 0, "its status")
  same(log.checks[17].logged, "cc: error: unrecognized command-line option '-Wbogus-x'", "the logged stderr's first line")
  same(log.setups, 1, "one setup")
end

-- Two setups appended to one file: every compile of both, named, with no name carried over.
do
  local text = read("meson-1.12.log")
  local log = assert(mesonlog.parse(text .. text))
  same(log.setups, 2, "two setups")
  same(#log.checks, 26, "both setups' compiles")
  same(log.checks[14].name, "has_header stdio.h", "the second setup's first check")
  same(log.checks[26].name, "run runs", "the second setup's last check")
end

-- A compile that no status line is about is named by what it is, never after a later check.
do
  local text = read("meson-1.12.log"):gsub('Has header "stdio.h" : YES ', "Something Meson 9 says : YES", 1)
                                      :gsub('Checking if "trivial" compiles: YES ', "Something else Meson 9 says: YES", 1)
  local log = assert(mesonlog.parse(text))
  same(log.checks[1].name, "has_header stdio.h (no status line)", "a compile named by the shape of its code")
  same(log.checks[2].name, "has_header sys/inotify.h", "the next check keeps its own name")
  same(log.checks[10].name, "unnamed compile (log line 273)", "a compile whose code has no shape the parser knows")
  same(log.checks[11].name, "links cos with -lm", "the next check keeps its own name")
end

-- Status lines of Meson 1.12's compiler.py that no fixture project logs, on compiles made up
-- in the log's own shape.
do
  local function compile(code, command, status)
    return "Running compile:\nWorking directory:  /b/meson-private/tmpx\nCode:\n" .. code .. "\n-----------\n"
      .. "Command line: `cc /b/meson-private/tmpx/testfile.c " .. command .. "` -> " .. status .. "\n"
  end
  local log = assert(mesonlog.parse("The Meson build system\nVersion: 1.12.1\n"
    .. compile("#ifndef FOO\n#error no\n#endif", "-E", 0) .. 'Checking if define "FOO" exists: YES \n'
    .. compile("int i;", "-c -Wbogus", 1) .. compile("int i;", "-c -Wall", 0) .. "First supported argument: -Wall\n"))
  same(log.checks[1].name, "has_define FOO", "has_define")
  same(log.checks[2].name, "first_supported_argument -Wall: compile check (1 of 2)", "first_supported_argument, a refused flag")
  same(log.checks[3].name, "first_supported_argument -Wall: compile check (2 of 2)", "first_supported_argument, the flag found")
  local cached = assert(mesonlog.parse("The Meson build system\nVersion: 1.12.1\n" .. compile("int main(void) { return 0; }", "-lz", 0)
    .. "Dependency zlib for host machine found: YES 1.2.13 (cached)\n"))
  same(cached.checks[1].name, "dependency zlib: link check", "a dependency found again, as Meson 1.11 and later say it")
end

-- The paths a compile needs from outside its private folder, which the replay checks.
do
  local replay = require "replaying"
  local gone = "/@SOURCE@"
  same(replay.missing_path({ "cc", "/tmp", "-I" .. gone .. "/include" }), gone .. "/include", "-I glued")
  same(replay.missing_path({ "cc", "-isystem", gone .. "/sys" }), gone .. "/sys", "a path option's next word")
  same(replay.missing_path({ "cc", "-Wl,--version-script=" .. gone .. "/lib.map" }), gone .. "/lib.map", "a linker script")
  same(replay.missing_path({ "cc", "-Wl,-rpath," .. gone .. "/lib" }), gone .. "/lib", "a linker path")
  same(replay.missing_path({ "cc", '-DDATADIR="' .. gone .. '/share"', "-U" .. gone }), nil, "a define is no path")
  same(replay.missing_path({ "cc", gone .. "/private/testfile.c", "-o", gone .. "/private/output.exe" }, gone .. "/private"), nil,
       "the compile's private folder is bench's own")
  same(replay.missing_path({ gone .. "/bin/cc", "x.c" }), gone .. "/bin/cc", "the compiler itself")
end

local split = mesonlog.split([[cc 'a b' "c \"d\"" e\ f '' -DX="1"]])
same(#split, 6, "words")
same(split[2], "a b", "single quotes")
same(split[3], 'c "d"', "double quotes")
same(split[4], "e f", "backslash")
same(split[5], "", "empty quotes")
same(split[6], "-DX=1", "quotes inside a word")
same(select(2, mesonlog.split("cc 'open")), "an unclosed ' quote", "an unclosed quote")
local none, why = mesonlog.parse("just some text\nRunning compile:\n")
same(none, nil, "not a log")
same(why, "not a Meson log (no 'The Meson build system' header with its version)", "why")
print("ok")
