-- Configure checks of the kind GLib makes, one process per check and batched, for each C compiler
--
-- Meson's issue #3635 asked how configure-time checks should run. This recipe measures it on
-- this machine: 52 header checks, 32 function checks and 30 warning flags, built the way
-- Meson builds them (lib/checks.lua), run one process per check with every strategy; then the
-- 30 flags once more, one compile each against all of them in one compile (spectre#936's
-- trick), with the answers of both compared flag by flag.
--
--   bench run c-checks                          # gcc, and clang when it is installed
--   bench run c-checks -D compilers=gcc -r 10 --format markdown

local checks = require "checks"

local compilers = bench.param("compilers", { default = { "gcc", "clang" }, help = "the C compilers to check (one that is not installed is skipped)" })

local headers = {
  "stdio.h", "stdlib.h", "string.h", "unistd.h", "fcntl.h", "poll.h", "pthread.h", "sched.h", "signal.h", "termios.h",
  "pwd.h", "grp.h", "mntent.h", "fstab.h", "dlfcn.h", "locale.h", "langinfo.h", "libintl.h", "iconv.h", "inttypes.h",
  "stdint.h", "stdatomic.h", "threads.h", "values.h", "sys/types.h", "sys/stat.h", "sys/time.h", "sys/wait.h", "sys/mman.h",
  "sys/socket.h", "sys/select.h", "sys/resource.h", "sys/param.h", "sys/uio.h", "sys/inotify.h", "sys/epoll.h",
  "sys/eventfd.h", "sys/prctl.h", "sys/filio.h", "sys/event.h", "sys/sysctl.h", "sys/vfs.h", "sys/statfs.h",
  "sys/statvfs.h", "sys/mount.h", "sys/xattr.h", "sys/auxv.h", "netinet/in.h", "arpa/inet.h", "linux/magic.h",
  "crt_externs.h", "mach/mach_time.h",
}
local functions = {
  "clock_gettime", "posix_spawn", "pipe2", "accept4", "memfd_create", "strlcpy", "kqueue", "getentropy", "eventfd",
  "mkostemp", "close_range", "splice", "fallocate", "posix_fadvise", "fdwalk", "getauxval", "issetugid", "prlimit",
  "getresuid", "strnlen", "strsignal", "stpcpy", "memmem", "vasprintf", "getgrgid_r", "getpwuid_r", "localtime_r",
  "gmtime_r", "newlocale", "uselocale", "futimens", "utimensat",
}
local flags = {
  "-Wall", "-Wextra", "-Wduplicated-branches", "-Wimplicit-fallthrough", "-Wmisleading-indentation",
  "-Wmissing-field-initializers", "-Wnonnull", "-Wnull-dereference", "-Wunused", "-Wno-unused-parameter",
  "-Wno-cast-function-type", "-Wno-pedantic", "-Wno-format-zero-length", "-Wno-variadic-macros", "-Wformat=2",
  "-Wformat-nonliteral", "-Wformat-security", "-Wstrict-prototypes", "-Wmissing-prototypes", "-Wshadow", "-Wlogical-op",
  "-Wduplicated-cond", "-Wpointer-arith", "-Wdeclaration-after-statement", "-Wbad-function-cast", "-Wnested-externs",
  "-Wold-style-definition", "-Wunsafe-loop-optimizations", "-Wbogus-flag", "-Wnot-a-warning",
}

local installed = require("compilers").installed(compilers, "c-checks")

local function best(m)
  local serial, fastest
  for _, run in ipairs(m.runs) do
    if run.strategy == "serial" then serial = run end
    if not fastest or run.wall_s.median < fastest.wall_s.median then fastest = run end
  end
  return serial, fastest
end
local function label(run) return run.strategy == "serial" and "serial" or string.format("%s -j %d", run.strategy, run.concurrency) end

for k, cc in ipairs(installed) do
  -- clang only warns about an unknown warning flag unless told to refuse it, as Meson tells it.
  local strict = cc.version:find("clang", 1, true) ~= nil
  local probes, flag_probes = {}, {}
  for _, h in ipairs(headers) do probes[#probes + 1] = checks.header(h) end
  for _, f in ipairs(functions) do probes[#probes + 1] = checks.func(f) end
  for _, flag in ipairs(flags) do
    local p = checks.argument(flag, { strict = strict })
    probes[#probes + 1] = p
    flag_probes[#flag_probes + 1] = checks.argument(flag, { strict = strict })
  end
  local each = bench.measure{ name = "c-checks: one process per check", compilers = { cc.name }, ext = ".c", probes = probes }
  local flags_each = bench.measure{ name = "c-checks: flags, one compile each", compilers = { cc.name }, ext = ".c", probes = flag_probes }
  local batched_probe, answer = checks.arguments(flags, { strict = strict })
  local batched = bench.measure{ name = "c-checks: flags in one compile", compilers = { cc.name }, ext = ".c", probes = { batched_probe },
                                 strategies = { "serial" }, ignore_failure = true }  -- it fails when any flag is refused: that is its answer
  if bench.options.dry_run then goto continue end
  do
    if k > 1 then print("") end
    local m = each.measurements[1]
    print(string.format("%s: %d checks, one process each (%d headers, %d functions, %d flags)", cc.version, #probes, #headers, #functions, #flags))
    print(string.format("  %-10s %3s  %12s  %10s  %9s", "strategy", "-j", "median wall", "efficiency", "vs serial"))
    for _, run in ipairs(m.runs) do
      print(string.format("  %-10s %3d  %10.3f s  %8.1f %%  %8s", run.strategy, run.concurrency, run.wall_s.median, run.efficiency * 100,
                          run.speedup_vs_serial and string.format("%.2f×", run.speedup_vs_serial) or ""))
    end
    local accepted = { 0, 0, 0 }
    for i, p in ipairs(m.runs[1].probes) do
      local group = i <= #headers and 1 or i <= #headers + #functions and 2 or 3
      if p.ok then accepted[group] = accepted[group] + 1 end
    end
    print(string.format("  accepted: %d of %d headers, %d of %d functions, %d of %d flags", accepted[1], #headers, accepted[2], #functions,
                        accepted[3], #flags))

    local serial, fastest = best(flags_each.measurements[1])
    local one = batched.measurements[1].runs[1]
    print(string.format("%d warning flags: one compile each, serial %.3f s, best %s %.3f s; all in one compile %.3f s: %.1f× faster than the best one-per-flag strategy",
                        #flags, serial.wall_s.median, label(fastest), fastest.wall_s.median, one.wall_s.median,
                        fastest.wall_s.median / one.wall_s.median))
    local batched_answers = answer(one.probes[1].message)
    local differ = {}
    for i, flag in ipairs(flags) do
      local single = flags_each.measurements[1].runs[1].probes[i].ok
      if single ~= batched_answers[flag] then
        differ[#differ + 1] = string.format("%s (one each: %s, batched: %s)", flag, single and "yes" or "no", batched_answers[flag] and "yes" or "no")
      end
    end
    if #differ == 0 then
      print(string.format("  the same answers both ways for all %d flags", #flags))
    else
      print("  the answers differ for " .. table.concat(differ, ", "))
    end
  end
  ::continue::
end
