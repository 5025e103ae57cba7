-- Unit tests of scripts/lib/checks.lua: the probes it builds and how it reads diagnostics.
-- Prints "ok", or fails at the line.
local checks = require "checks"
local function same(a, b, what)
  if a ~= b then error(string.format("%s: %q, expected %q", what, tostring(a), tostring(b)), 2) end
end

local h = checks.header("sys/inotify.h")
same(h.name, "has_header sys/inotify.h", "header name")
assert(h.source:find('__has_include("sys/inotify.h")', 1, true) and h.source:find("#include <sys/inotify.h>", 1, true), "header source")
same(table.concat(h.command, " "), "{compiler} {source} -E -P -o {output}", "preprocess only")

local f = checks.func("clock_gettime", { prefix = "#include <time.h>" })
same(f.name, "has_function clock_gettime", "function name")
assert(f.source:find("#if defined __stub_clock_gettime || defined __stub___clock_gettime", 1, true), "the __stub guard")
assert(f.source:find("#include <time.h>", 1, true) and f.command == nil, "a link check with its prefix")

same(checks.links("int main(void){return 0;}", { name = "m", libs = { "-lm" } }).libs[1], "-lm", "libs")
same(table.concat(checks.compiles("int x;", { name = "x" }).command, " "), "{compiler} {source} -c -o {output}", "compile only")

local a = checks.argument("-Wno-unused")
same(a.name, "get_supported_arguments -Wno-unused", "argument name")
same(table.concat(a.command, " ", 6), "-Wunused -Wno-unused", "-Wno-x is tested as -Wx too")
same(table.concat(checks.argument("-Wall", { strict = true }).command, " ", 6), "-Werror=unknown-warning-option -Wall", "strict")
same(table.concat(checks.argument("-Wno-error=foo").command, " ", 6), "-Wno-error=foo", "no trick for -Wno-x=y")

local flags = { "-Wall", "-Wbogus-one", "-Wno-bogus-two", "-Wlogical-op", "-Wnot-a-warning" }
local probe, answer = checks.arguments(flags)
same(probe.name, "get_supported_arguments (5 flags in one compile)", "batched name")
same(#probe.command, 5 + 6, "one compile with every flag tested")
local gcc = "gcc: error: unrecognized command-line option \u{2018}-Wbogus-one\u{2019}\n"
  .. "gcc: error: unrecognized command-line option \u{2018}-Wbogus-two\u{2019}\n"
  .. "gcc: error: unrecognized command-line option '-Wnot-a-warning'; did you mean '--extra-warnings'?\n"
local got = answer(gcc)
same(got["-Wall"], true, "gcc -Wall")
same(got["-Wbogus-one"], false, "gcc -Wbogus-one")
same(got["-Wno-bogus-two"], false, "gcc -Wno-bogus-two through -Wbogus-two")
same(got["-Wlogical-op"], true, "gcc -Wlogical-op")
same(got["-Wnot-a-warning"], false, "gcc, ASCII quotes")
local clang = answer("error: unknown warning option '-Wlogical-op'; did you mean '-Wlong-long'? [-Werror,-Wunknown-warning-option]\n")
same(clang["-Wlogical-op"], false, "clang -Wlogical-op")
same(clang["-Wall"], true, "clang -Wall")
same(answer("")["-Wbogus-one"], true, "no diagnostics: every flag accepted")
print("ok")
