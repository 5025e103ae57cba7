-- Reads a Meson log (builddir/meson-logs/meson-log.txt) into the compiler checks it ran
--
--   local mesonlog = require "mesonlog"
--   local log = mesonlog.parse(text)   -- nil, why: when the text is not a Meson log
--   log.version, log.checks, log.commands
--
-- Each check is one "Running compile:" block: { name =, result =, workdir =, code =,
-- command = { argv... }, status = N or nil, kind = "preprocess" | "compile" | "link",
-- compiler =, ran = true when Meson then ran the program (a run check) }. Meson 1.2 and later
-- log each command as `...` -> N; older logs give the command without its outcome (status nil).
-- `log.commands` lists the other commands Meson ran ("Running command:", its compiler
-- detection, for example): they are not compiler checks.

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

-- What a result line says the check was, in Meson's own words.
local results = {
  { '^Has header "(.-)" : ', "has_header %s" },
  { '^Header "(.-)" has symbol "(.-)"', "has_header_symbol %s %s" },
  { '^Checking for function "(.-)"', "has_function %s" },
  { '^Compiler for %S+ supports arguments (.-): ', "get_supported_arguments %s" },
  { '^Compiler for %S+ supports link arguments (.-): ', "get_supported_link_arguments %s" },
  { '^Compiler for %S+ supports function attribute (.-): ', "has_function_attribute %s" },
  { '^Checking if "(.-)" compiles', "compiles %s" },
  { '^Checking if "(.-)" :? ?links', "links %s" },
  { '^Checking if "(.-)" runs', "run %s" },
  { '^Checking for size of "(.-)"', "sizeof %s" },
  { '^Checking for alignment of "(.-)"', "alignment %s" },
  { '^Checking for type "(.-)"', "has_type %s" },
  { '^Checking whether type "(.-)" has members? (.-) :', "has_member %s %s" },
  { '^Fetching value of define "(.-)"', "get_define %s" },
  { '^Library (%S+) found', "find_library %s" },
  { '^Checking if "(.-)"', "%s" },
  { '^Checking for (.-) :', "%s" },
}

local function result_name(line)
  for _, r in ipairs(results) do
    local a, b = line:match(r[1])
    if a then return (r[2]:format(a, b or "")):gsub("%s+$", "") end
  end
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

-- The checks of `text`, or nil and why it is not a Meson log.
function M.parse(text)
  local version = text:match("\nVersion: ([%d%.]+)") or text:match("^Version: ([%d%.]+)")
  if not text:find("The Meson build system", 1, true) or not version then
    return nil, "not a Meson log (no 'The Meson build system' header with its version)"
  end
  local log = { version = version, checks = {}, commands = {} }
  local pending, check, state = {}, nil, "outside"
  local function finish_result(line)
    local name = result_name(line)
    if not name then return false end
    for i, c in ipairs(pending) do
      c.result = line:gsub("%s+$", "")
      c.name = name .. (#pending > 1 and string.format(" (%d of %d)", i, #pending) or "")
    end
    pending = {}
    return true
  end
  for line in (text .. "\n"):gmatch("(.-)\r?\n") do
    local command = line:match("^Running command:%s+(.-)%s*$")
    if command then log.commands[#log.commands + 1] = command end
    if line == "Running compile:" then
      check = { code = {}, line = line }
      log.checks[#log.checks + 1] = check
      pending[#pending + 1] = check
      state = "header"
    elseif state == "outside" then
      finish_result(line)
    elseif state == "code" then
      if line == "-----------" or line == "Compiler stdout:" then state = "header" else check.code[#check.code + 1] = line end
    elseif state == "skip" then               -- a stdout or stderr section, up to its rule
      if line == "-----------" then state = "after" end
    else
      local workdir = line:match("^Working directory:%s+(.-)%s*$")
      local quoted, status = line:match("^Command line: `(.*)` %-> (%-?%d+)%s*$")
      local plain = not quoted and line:match("^Command line:%s+(.-)%s*$")
      if workdir then check.workdir = workdir
      elseif line == "Code:" then state = "code"
      elseif quoted or plain then
        check.command_line = quoted or plain
        check.status = status and tonumber(status)
        state = "after"
      elseif line == "stdout:" or line == "stderr:" then state = "skip"
      elseif line == "Program stdout:" or line == "Program stderr:" then check.ran = true
      elseif line ~= "" and line ~= "-----------" and finish_result(line) then
        state = "outside"
      end
    end
  end
  for i, c in ipairs(log.checks) do
    c.code = table.concat(c.code, "\n")
    if c.command_line then
      c.command = M.split(c.command_line)
      if c.command and #c.command > 0 then
        c.compiler = c.command[1]:match("([^/]+)$")
        c.kind = kind_of(c.command)
      end
    end
    c.name = c.name or string.format("check %d (no result line)", i)
  end
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
