-- Reads a Meson log (builddir/meson-logs/meson-log.txt) into the compiler checks it ran
--
--   local mesonlog = require "mesonlog"
--   local log = mesonlog.parse(text)   -- nil, why: when the text is not a Meson log
--   log.version, log.checks, log.commands
--
-- Each check is one "Running compile:" or "Using cached compile:" block: { name =, line = its
-- line in the log, result = the status line that named it and result_line its line (nil when
-- none did), workdir =, code =, command = { argv... }, status = N or nil, logged = the first
-- line of the logged stderr, kind = "preprocess" | "compile" | "link", compiler =, cached =
-- true when Meson reused an earlier compile's outcome, ran = true when Meson then ran the
-- program (a run check) }. Meson 1.2 and later log each command as `...` -> N; older logs give
-- the command without its outcome (status nil). `log.setups` counts the `meson setup` runs in
-- the file (several when logs were appended).
-- `log.commands` lists the other commands Meson ran ("Running command:", its compiler
-- detection, for example): they are not compiler checks.

local names = require "mesonnames"

local M = {}

-- Splits a command line as Meson quoted it (Python's shlex: '...', "..." and backslashes).
function M.split(line)
  local words, word, i, quote, any = {}, {}, 1, nil, false
  while i <= #line do
    local c = line:sub(i, i)
    if quote == "'" then
      if c == "'" then quote = nil else word[#word + 1] = c end
    elseif quote == '"' then
      if c == '"' then quote = nil
      elseif c == "\\" and i < #line and line:sub(i + 1, i + 1):match('["\\$`]') then i = i + 1; word[#word + 1] = line:sub(i, i)
      else word[#word + 1] = c end
    elseif c == "'" or c == '"' then quote, any = c, true
    elseif c == "\\" and i < #line then i = i + 1; word[#word + 1] = line:sub(i, i); any = true
    elseif c:match("%s") then
      if #word > 0 or any then words[#words + 1] = table.concat(word) end
      word, any = {}, false
    else word[#word + 1] = c; any = true end
    i = i + 1
  end
  if quote then return nil, "an unclosed " .. quote .. " quote" end
  if #word > 0 or any then words[#words + 1] = table.concat(word) end
  return words
end

local function kind_of(argv)
  for _, a in ipairs(argv) do
    if a == "-E" or a == "/EP" or a == "/P" then return "preprocess" end
  end
  for _, a in ipairs(argv) do
    if a == "-c" or a == "/c" then return "compile" end
  end
  return "link"
end

-- A compile's command line, read as soon as it is logged, so that the naming sees it.
local function set_command(check, line, status)
  check.command_line, check.status = line, status and tonumber(status)
  check.command = M.split(line)
  if check.command and #check.command > 0 then
    check.compiler = check.command[1]:match("([^/]+)$")
    check.kind = kind_of(check.command)
  end
end

-- The lines of one compile block, after its "Running compile:" or "Using cached compile:".
local function read_block(check, line, state)
  if state == "code" then
    if line == "-----------" or line == "Compiler stdout:" or line == "Cached compiler stdout:" then
      check.code = table.concat(check.code_lines, "\n")
      return "header"
    end
    check.code_lines[#check.code_lines + 1] = line
    return "code"
  elseif state == "stdout" or state == "stderr" then       -- an output section, up to its rule
    if line == "-----------" then return "after" end
    if state == "stderr" and not check.logged and line:match("%S") then check.logged = line end
    return state
  end
  local workdir = line:match("^Working directory:%s+(.-)%s*$")
  local quoted, status = line:match("^Command line: `(.*)` %-> (%-?%d+)%s*$")
  local plain = not quoted and (line:match("^Command line:%s+(.-)%s*$") or line:match("^Cached command line:%s+(.-)%s*$"))
  if workdir then check.workdir = workdir
  elseif line == "Code:" then check.code_lines = {}; return "code"
  elseif quoted or plain then set_command(check, quoted or plain, status); return "after"
  elseif line == "stdout:" then return "stdout"
  elseif line == "stderr:" then return "stderr"
  elseif line == "Program stdout:" or line == "Program stderr:" then check.ran = true
  end
  return state
end

-- The checks of `text`, or nil and why it is not a Meson log.
function M.parse(text)
  local version = text:match("\nVersion: ([%d%.]+)") or text:match("^Version: ([%d%.]+)")
  if not text:find("The Meson build system", 1, true) or not version then
    return nil, "not a Meson log (no 'The Meson build system' header with its version)"
  end
  local log = { version = version, checks = {}, commands = {}, setups = 0 }
  local pending, check, state, number = {}, nil, "outside", 0
  for line in (text .. "\n"):gmatch("(.-)\r?\n") do
    number = number + 1
    local command = line:match("^Running command:%s+(.-)%s*$")
    if command then log.commands[#log.commands + 1] = command end
    local status = (state == "outside" or state == "after" or state == "header") and names.status(line)
    if line == "Running compile:" or line == "Using cached compile:" then
      check = { code = "", line = number, cached = line == "Using cached compile:", command_line = "", kind = "compile" }
      log.checks[#log.checks + 1] = check
      pending[#pending + 1] = check
      state = "header"
    elseif line == "The Meson build system" then      -- a log of several setups, appended
      log.setups = log.setups + 1
      names.settle(pending)
      state = "outside"
    elseif status then
      status.number = number
      names.claim(status, pending)
      state = "outside"
    elseif state ~= "code" and state ~= "stdout" and state ~= "stderr" and names.boundary(line) then
      names.settle(pending)
      state = "outside"
    elseif state ~= "outside" then
      state = read_block(check, line, state)
    end
  end
  names.settle(pending)
  return log
end

-- `argv` with the check's private directory remapped: its source file becomes {source}, its
-- output file {output}, and any other path in it {dir} (bench's own directory).
function M.remap(check)
  local dir = check.workdir
  local out = {}
  for i, a in ipairs(check.command) do
    if dir and a == dir .. "/" .. (a:match("[^/]+$") or "") and a:match("/testfile%.[%w+]+$") then
      out[i] = "{source}"
    elseif dir and a:match("^" .. dir:gsub("%p", "%%%0") .. "/output%.%w+$") then
      out[i] = "{output}"
    elseif dir then
      out[i] = (a:gsub(dir:gsub("%p", "%%%0"), function() return "{dir}" end))
    else
      out[i] = a
    end
  end
  return out
end

return M
