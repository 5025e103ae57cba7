-- Probes for C compiler checks, built the way Meson's compiler checks build their test programs
--
--   local checks = require "checks"
--   probes = { checks.header("sys/inotify.h"), checks.func("clock_gettime", { prefix = "#include <time.h>" }),
--              checks.compiles("int main(void){return 0;}"), checks.links(src, { libs = { "-lm" } }),
--              checks.argument("-Wlogical-op") }
--   local probe, answer = checks.arguments(flags)   -- every flag in one compile; answer(stderr)
--
-- Each function returns a probe table for a scenario (or bench.measure), named as Meson's log
-- names the check: "has_header sys/inotify.h", "has_function clock_gettime",
-- "get_supported_arguments -Wlogical-op". A probe succeeds when the compiler accepts it.
-- `options.strict` (argument, arguments) adds -Werror=unknown-warning-option, which clang needs
-- to refuse an unknown warning flag (gcc refuses one by itself, and does not know that option).

local M = {}

-- Meson's has_header: preprocess only, with __has_include where the compiler has it.
function M.header(name, options)
  options = options or {}
  return {
    name = "has_header " .. name,
    source = (options.prefix or "") .. "\n#ifdef __has_include\n #if !__has_include(\"" .. name .. "\")\n  #error \"Header '" .. name
      .. "' could not be found\"\n #endif\n#else\n #include <" .. name .. ">\n#endif\n",
    command = { "{compiler}", "{source}", "-E", "-P", "-o", "{output}" },
  }
end

-- Meson's has_function: a link check that declares the function itself, with the __stub guard
-- that glibc defines for functions it only pretends to have.
function M.func(name, options)
  options = options or {}
  local source = table.concat({
    "#define " .. name .. " meson_disable_define_of_" .. name,
    options.prefix or "#include <limits.h>",
    "#undef " .. name,
    "#ifdef __cplusplus", 'extern "C"', "#endif",
    "char " .. name .. " (void);",
    "#if defined __stub_" .. name .. " || defined __stub___" .. name,
    "fail fail fail this function is not going to work",
    "#endif",
    "int main(void) { return " .. name .. " (); }", "",
  }, "\n")
  return { name = "has_function " .. name, source = source, libs = options.libs }
end

-- Meson's compiles: compile only.
function M.compiles(source, options)
  options = options or {}
  return { name = "compiles " .. (options.name or source:sub(1, 40)), source = source,
           command = { "{compiler}", "{source}", "-c", "-o", "{output}" } }
end

-- Meson's links: compile and link, with `libs` after the source.
function M.links(source, options)
  options = options or {}
  return { name = "links " .. (options.name or source:sub(1, 40)), source = source, libs = options.libs }
end

-- The flag Meson really tests: -Wno-x is accepted silently by gcc even when it knows no -Wx,
-- so it tests -Wx too.
local function tested(flag)
  local positive = flag:match("^%-Wno%-(.+)$")
  if positive and not positive:find("=", 1, true) then return { "-W" .. positive, flag } end
  return { flag }
end

local argument_source = "extern int i;\nint i;\n"

-- Meson's get_supported_arguments, one flag per compile.
function M.argument(flag, options)
  options = options or {}
  local command = { "{compiler}", "{source}", "-c", "-o", "{output}" }
  if options.strict then command[#command + 1] = "-Werror=unknown-warning-option" end
  for _, f in ipairs(tested(flag)) do command[#command + 1] = f end
  return { name = "get_supported_arguments " .. flag, source = argument_source, command = command }
end

-- Every flag in one compile; `answer(stderr)` says which the compiler accepted, by reading its
-- diagnostics ("unrecognized command-line option '-Wx'", "unknown warning option '-Wx'").
function M.arguments(flags, options)
  options = options or {}
  local command = { "{compiler}", "{source}", "-c", "-o", "{output}" }
  if options.strict then command[#command + 1] = "-Werror=unknown-warning-option" end
  for _, flag in ipairs(flags) do
    for _, f in ipairs(tested(flag)) do command[#command + 1] = f end
  end
  local probe = { name = string.format("get_supported_arguments (%d flags in one compile)", #flags), source = argument_source, command = command }
  local function answer(stderr)
    local accepted = {}
    for _, flag in ipairs(flags) do
      local refused = false
      for _, f in ipairs(tested(flag)) do
        for _, q in ipairs { { "'", "'" }, { "\u{2018}", "\u{2019}" }, { "`", "'" } } do
          if stderr:find(q[1] .. f .. q[2], 1, true) then refused = true end
        end
      end
      accepted[flag] = not refused
    end
    return accepted
  end
  return probe, answer
end

return M
