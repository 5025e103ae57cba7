-- 16 Fortran feature probes compiled and linked, as a configure step checks a compiler
--
-- The study that bench grew from: asyncio-subprocess-examples' compiler_checks.py compiled
-- these 16 tiny Fortran feature probes, as a build system's configure step does, with four
-- ways of running subprocesses. This scenario repeats it; bench carries the table out.
--
--   bench run fortran                              # gfortran, or $FC, every strategy
--   bench run fortran -D repeats=8                 # 8 copies of each probe per batch (the study's -n 8)
--   bench run fortran -D compilers=gfortran,flang-new-19 -n 2   # two compilers: the feature matrix too
--   bench run fortran -n 8 -r 10 --format json --output fortran.json --plot fortran.svg
--
-- The probes are the study's own, exactly as it generates them (version 1.2.0). With gfortran
-- 12 on Debian 12, ten compile; f2003utf8 (a deliberate syntax error) and the five f2023 ones fail.

require "speedup"   -- lib/speedup.lua: adds --format speedup (an example reporter)

local fc = os.getenv("FC")
local compilers = bench.param("compilers", {
  default = { (fc and fc ~= "") and fc or "gfortran" },
  help = "the Fortran compilers to compare (names in PATH or paths; default $FC or gfortran)" })
local repeats = bench.param("repeats", { default = 1, min = 1, max = 1000000, help = "copies of each probe in one batch (-n overrides it)" })

-- A compiler that is not installed is skipped with a note, so that one list serves every machine.
local installed = {}
for i, cc in ipairs(require("compilers").installed(compilers, "fortran")) do installed[i] = cc.name end

return {
  name = "fortran",
  compilers = installed,
  repeats = repeats,
  study_lines = true,   -- the table also prints the study's own lines, to compare with its README
  ext = ".f90",
  probes = {
    { name = "minimal",         source = "end" },
    { name = "f2003ieee",       source = "use, intrinsic :: ieee_arithmetic; print *, ieee_next_after(0.,0.); end" },
    { name = "f2003utf8",       source = "use, intrinsic :: ieee_arithmetic, only ; print *, ieee_next_after(0.,0.), end" },
    { name = "f2008rank15",     source = "integer :: a(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1); print*,rank(a);end" },
    { name = "f2008contiguous", source = "print*,is_contiguous([0,0]); end" },
    { name = "f2018errorstop",  source = "character :: a; error stop a; end" },
    { name = "f2008kind",       source = "use, intrinsic :: iso_fortran_env; print *, huge(0._real128); end" },
    { name = "f2008version",    source = "use, intrinsic :: iso_fortran_env; print *, compiler_version(); end" },
    { name = "f2008block",      source = "block; a=0.; end block; end" },
    { name = "f2018randominit", source = "call random_init(.false., .false.); end" },
    { name = "f2018properties", source = "complex :: z; print *,z%re,z%im,z%kind; end" },
    { name = "f2023rank",       source = "real, rank(2) :: a; end" },
    { name = "f2023real16",     source = "use, intrinsic :: iso_fortran_env, only: real16; end" },
    { name = "f2023ternary",    source = "real :: a, v; v = ( a > 0.0 ? a : 0.0); end" },
    { name = "f2023tokenize",   source = "intrinsic :: tokenize; end" },
    { name = "f2023enum",       source = "enumeration type :: colour\nenumerator :: red, orange, green\nend enumeration type\nend program" },
  },
  strategies = { "async", "threads", "processes", "serial" },
  runs = 3,      -- samples per strategy: -n 8 stays well under a minute on 2 cores; -r 10 for figures you publish
}
