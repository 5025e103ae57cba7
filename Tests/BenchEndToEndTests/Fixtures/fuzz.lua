-- Calls every bench function that takes arguments with generated bad ones: wrong types,
-- missing and unknown fields, huge strings, NUL bytes, nil in odd places, and numbers near and
-- past every limit bench keeps (timeouts up to a year, capture up to 1 GiB, -j up to 1,000,000,
-- integers at the edges of 32, 53 and 64 bits, huge and tiny floats). Every call must be
-- a Lua error that names this file and line; none may crash bench or run a command.
-- Prints "N calls, N Lua errors" and exits 1 if any call did not fail as it should.

local huge = string.rep("x", 1 << 20)
local values = {
  n = 35, nil, true, false, 0, -1, 1.5, 0 / 0, math.huge, "", "a\0b", huge, "x",
  {}, { {} }, { "a\0b" }, function() end, coroutine.create(function() end), io.stdout,
  setmetatable({}, { __index = function() error("a metamethod ran") end }),
  -- numbers near and past the limits
  2^31, 2^53, 2^63, math.maxinteger, math.mininteger, 1e300, 1e308, -1e308, -0.0, 1e-300,
  (1 << 30) + 1, 31536001, 31536000.5, 1000001, -math.huge, 1 << 62,
}
local function each_value(f) for i = 1, values.n do f(values[i]) end end

local calls, errors, wrong, per_function = 0, 0, {}, {}
local function expect_error(fname, f, ...)
  local args = table.pack(...)
  calls = calls + 1
  per_function[fname] = (per_function[fname] or 0) + 1
  -- Through a Lua function, so that the error's position is this file's line.
  local ok, err = pcall(function() return f(table.unpack(args, 1, args.n)) end)
  if not ok and type(err) == "string" and err:find("fuzz.lua:%d+:") then
    errors = errors + 1
  elseif #wrong < 10 then
    local shown = {}
    for i = 1, args.n do
      local v = args[i]
      shown[i] = type(v) == "string" and string.format("%q", v:sub(1, 20)) or type(v) == "table" and "table" or tostring(v)
    end
    wrong[#wrong + 1] = string.format("%s(%s): %s", fname, table.concat(shown, ", "),
                                      ok and "returned without an error" or tostring(err):sub(1, 200))
  end
end

-- A table that is `base` with field `k` set to `v` (base is copied).
local function with(base, k, v)
  local t = {}
  for key, value in pairs(base) do t[key] = value end
  t[k] = v
  return t
end

local function is_plain_string(v) return type(v) == "string" and not v:find("\0", 1, true) end
local function is_number_or_string(v) return type(v) == "number" or is_plain_string(v) end
local function is_timeout(v) return type(v) == "number" and v > 0 and v <= 31536000 end
-- Whole numbers as Lua converts them: an integer, or a float with an integral value (-0.0 is 0).
local function whole(v, lo, hi) local i = math.type(v) and math.tointeger(v); return i ~= nil and i >= lo and i <= hi end

-- Parameters (first, before any call could count as the recipe's first job): each declaration
-- breaks the name or one field; names never repeat, so only the breakage can fail.
local declared = 0
local function fresh() declared = declared + 1; return "p" .. declared end
each_value(function(v)
  if not (is_plain_string(v) and v:match("^[%a_][%w_-]*$")) then
    expect_error("param", bench.param, v, { default = 1 })
    each_value(function(second) expect_error("param", bench.param, v, second) end)
  end
end)
local non_numbers = { true, "", "1", {}, function() end, io.stdout, 0 / 0, math.huge, -math.huge }
for _, v in ipairs { 0 / 0, math.huge, -math.huge, "a\0b", { {} }, { "a\0b" }, { 1, "x" }, { true }, function() end,
                     coroutine.create(function() end), io.stdout } do
  expect_error("param", bench.param, fresh(), { default = v })
end
expect_error("param", bench.param, fresh(), {})
expect_error("param", bench.param, fresh())
expect_error("param", bench.param, fresh(), { default = 1, bogus = 1 })
for _, v in ipairs(non_numbers) do
  if type(v) ~= "string" then expect_error("param", bench.param, fresh(), { default = 1, help = v }) end
  expect_error("param", bench.param, fresh(), { default = 1, min = v })
  expect_error("param", bench.param, fresh(), { default = 1, max = v })
end
for _, v in ipairs { true, 1, "a", {}, { {} }, { "b" }, { 2 } } do
  expect_error("param", bench.param, fresh(), { default = 1, choices = v })
end
expect_error("param", bench.param, fresh(), { default = 5, min = 6 })
expect_error("param", bench.param, fresh(), { default = 5, max = 4 })
expect_error("param", bench.param, fresh(), { default = "s", min = 1 })

-- Functions of one plain argument, with a second from the whole pool.
for _, spec in ipairs {
  { "compiler", bench.compiler, is_plain_string },  -- an unknown name: nil, message
  { "which", bench.which, is_plain_string },
  { "fail", bench.fail, function(v) return type(v) == "string" end },
} do
  local name, f, valid = spec[1], spec[2], spec[3]
  for i = 1, values.n do
    local v = values[i]
    if not valid(v) then
      each_value(function(second) expect_error(name, f, v, second) end)
    end
  end
end

-- Job tables: the base is valid, each generated table breaks one field or the sequence.
local job_fields = {
  { 1, is_number_or_string }, { 2, function(v) return v == nil or is_number_or_string(v) end },
  { "name", function(v) return v == nil or type(v) == "string" end },
  { "cwd", function(v) return v == nil or is_plain_string(v) end },
  { "env", function(v) return v == nil or (type(v) == "table" and next(v) == nil) end },
  { "stdin", function(v) return v == nil or type(v) == "string" end },
  { "timeout", function(v) return v == nil or is_timeout(v) end },
  { "capture", function(v) return v == nil or whole(v, 0, 1 << 30) end },
  { "bogus", function(v) return v == nil end },
}
local bad_jobs = {}
local base_job = { "/bin/true" }
for _, field in ipairs(job_fields) do
  each_value(function(v) if not field[2](v) then bad_jobs[#bad_jobs + 1] = with(base_job, field[1], v) end end)
end
for _, env in ipairs { { [1] = "a" }, { A = {} }, { ["A=B"] = "c" }, { [""] = "x" }, { A = "b\0" } } do
  bad_jobs[#bad_jobs + 1] = with(base_job, "env", env)
end
bad_jobs[#bad_jobs + 1] = {}                                   -- no command
bad_jobs[#bad_jobs + 1] = { "/bin/true", nil, "x" }            -- a hole in argv
bad_jobs[#bad_jobs + 1] = { "/bin/true", [5] = "x" }           -- a key past the sequence
bad_jobs[#bad_jobs + 1] = { [1.5] = "x" }

local trailing = { n = 3, nil, 1, {} }  -- extra arguments, which must change nothing
for _, job in ipairs(bad_jobs) do
  for i = 1, trailing.n do
    expect_error("job", bench.job, job, trailing[i])
    expect_error("spawn", bench.spawn, job, trailing[i])
  end
  expect_error("run", bench.run, { job })
  expect_error("run", bench.run, { { "/bin/true" }, job })
end
each_value(function(v)
  if type(v) ~= "table" then
    expect_error("job", bench.job, v)
    if not is_plain_string(v) or v == "" then expect_error("spawn", bench.spawn, v) end
    expect_error("run", bench.run, v)
    if v ~= nil then expect_error("run", bench.run, { v }) end  -- { nil } is an empty batch
  end
end)

-- bench.run's options: each breaks one field; the jobs are valid and must not run.
local options = {}
each_value(function(v) if v ~= nil and type(v) ~= "table" then options[#options + 1] = v end end)
for _, field in ipairs {
  { "strategy", function(v) return v == nil end },  -- no value in the pool names a strategy
  { "jobs", function(v) return v == nil or whole(v, 1, 1000000) end },
  { "bogus", function(v) return v == nil end },
} do
  each_value(function(v) if not field[2](v) then options[#options + 1] = { [field[1]] = v } end end)
end
for _, o in ipairs(options) do
  expect_error("run", bench.run, { { "/bin/sh", "-c", "echo ran >> " .. bench.tempdir() .. "/ran" } }, o)
end
expect_error("run", bench.run, { { "/bin/true" } }, { concurrency = "many" })
local too_many = {}
local job = { "/bin/true" }
for i = 1, 1000001 do too_many[i] = job end
expect_error("run", bench.run, too_many)
too_many = nil
expect_error("run", bench.run, { { "/bin/true" } }, { strategy = "bogus" })

-- bench.compile: each breaks one field of a valid table.
local cc = bench.which("gcc") and "gcc" or "gfortran"
local base_compile = { compiler = cc, source = "int main(void){return 0;}", ext = ".c" }
for _, field in ipairs {
  { "compiler", function(v) return false end },
  { "source", function(v) return type(v) == "string" end },
  { "name", function(v) return v == nil or (is_plain_string(v) and v ~= "" and not v:find("[\n\r]")) end },
  { "ext", function(v) return v == nil or (is_plain_string(v) and not v:find("/")) end },
  { "flags", function(v) return v == nil or is_number_or_string(v) or (type(v) == "table" and next(v) == nil) end },
  { "libs", function(v) return v == nil or is_number_or_string(v) or (type(v) == "table" and next(v) == nil) end },
  { "timeout", function(v) return v == nil or is_timeout(v) end },
  { "bogus", function(v) return v == nil end },
} do
  each_value(function(v)
    if not field[2](v) and not (field[1] == "compiler" and v == nil) then
      for i = 1, trailing.n do expect_error("compile", bench.compile, with(base_compile, field[1], v), trailing[i]) end
    end
  end)
end
expect_error("compile", bench.compile, with(base_compile, "compiler", nil))
expect_error("compile", bench.compile, with(base_compile, "name", "a\nb"))
expect_error("compile", bench.compile, with(base_compile, "compiler", { name = "x" }))
each_value(function(v) if type(v) ~= "table" then expect_error("compile", bench.compile, v) end end)

-- bench.measure: each breaks one field of a valid scenario (which is never measured).
local base_measure = { probes = { { name = "t", command = { "/bin/true" } } }, strategies = { "serial" }, runs = 1, warmup = 0 }
for _, field in ipairs {
  { "probes", function(v) return false end },
  { "batch", function(v) return v == nil end },
  { "report", function(v) return v == nil end },
  { "runs", function(v) return v == nil or whole(v, 1, 100000) end },
  { "setup", function(v) return v == nil or type(v) == "function" end },
  { "bogus", function(v) return v == nil end },
} do
  each_value(function(v)
    if not field[2](v) then
      for i = 1, trailing.n do expect_error("measure", bench.measure, with(base_measure, field[1], v), trailing[i]) end
    end
  end)
end
each_value(function(v) if type(v) ~= "table" then expect_error("measure", bench.measure, v) end end)
expect_error("measure", bench.measure, with(base_measure, "probes", { { name = "x", command = { "{source}" } } }))

-- bench.reporter(name, fn) and os.exit(code).
each_value(function(v)
  each_value(function(w)
    if type(v) ~= "string" or v == "" or type(w) ~= "function" then expect_error("reporter", bench.reporter, v, w) end
  end)
  if not (v == nil or type(v) == "boolean" or whole(v, 0, 255)) then
    each_value(function(w) expect_error("os.exit", os.exit, v, w) end)
  end
end)
for _, builtin in ipairs { "table", "json", "csv", "markdown" } do expect_error("reporter", bench.reporter, builtin, print) end

local f = io.open(bench.tempdir() .. "/ran")
if f then wrong[#wrong + 1] = "bench.run ran a command despite bad options"; f:close() end
local names = {}
for name in pairs(per_function) do names[#names + 1] = name end
table.sort(names)
for _, name in ipairs(names) do
  print(string.format("%-9s %d calls", name, per_function[name]))
  if per_function[name] < 200 then wrong[#wrong + 1] = name .. ": fewer than 200 calls" end
end
print(string.format("%d calls, %d Lua errors", calls, errors))
for _, w in ipairs(wrong) do print("  " .. w) end
if #wrong > 0 then os.exit(1) end
