-- Names the compiles of a Meson log after the checks that ran them
--
--   local names = require "mesonnames"
--   local status = names.status(line)      -- nil, or { name =, subject =, claims = ... }
--   names.claim(status, pending)           -- names the pending compiles the status line is about
--   names.settle(pending)                  -- names the compiles no status line was about
--
-- Meson writes a check's status line after the compiles the check ran ('Has header "poll.h" :
-- YES'). A status line names only the compiles that are about its subject (the header, the
-- function, the flag: found in the compile's code or command line), or, for a check the user
-- named (`cc.compiles(code, name: 'x')`), the last compile before it; a `dependency()` lookup's
-- line names every compile since the previous status line or the step that began the lookup
-- (`boundaries`: no line after such a step is about a compile before it). A compile that no
-- status line is about is named by what it is (Meson's own probes, the shape of its code), or
-- as unnamed with its line in the log: never after a later check. The formats are the mlog.log calls of Meson 1.12's
-- mesonbuild/interpreter/compiler.py (and cpp.py's `Compiler accepts`, dependencies' `found`
-- lines); the logs of Meson 1.0 in the tests read the same.

local M = {}

-- Each status line: its pattern, the check's name, and which compiles it claims: those that
-- mention `subject` (the capture of that index, or a function of the captures), the `last`
-- one, or `all` since the previous status line (a lookup, or a search through several flags).
local formats = {
  { '^Has header "(.-)"', "has_header %s", subject = 1 },
  { '^Check usable header "(.-)"', "check_header %s", subject = 1 },
  { '^Header "(.-)" has symbol "(.-)"', "has_header_symbol %s %s", subject = 2 },
  { '^Checking for function "(.-)"', "has_function %s", subject = 1 },
  { '^Checking for type "(.-)"', "has_type %s", subject = 1 },
  { '^Checking whether type "(.-)" has members? (.-)%s*:', "has_member %s %s", subject = 1,
    members = function(m) return (m:gsub(" with dependenc.*$", ""):gsub('"', ""):gsub(",%s*", ",")) end },
  { '^Checking for size of "(.-)"', "sizeof %s", subject = 1 },
  { '^Checking for alignment of "(.-)"', "alignment %s", subject = 1 },
  { '^Fetching value of define "(.-)"', "get_define %s", subject = 1 },
  { '^Computing int of "(.-)"', "compute_int %s", subject = 1 },
  { '^Checking if define "(.-)" exists', "has_define %s", subject = 1 },
  { '^Compiler for %S+ supports arguments (.-):', "get_supported_arguments %s", subject = function(a) return a:match("%S+") end },
  { '^Compiler for %S+ supports link arguments (.-):', "get_supported_link_arguments %s", subject = function(a) return a:match("%S+") end },
  { '^Compiler for %S+ supports function attribute (.-):', "has_function_attribute %s", subject = 1 },
  { '^Library (%S+) found', "find_library %s", library = 1 },
  { '^Compiler accepts (%S+):', "compiler accepts %s", subject = 1 },
  { '^Checking if "(.-)".- compiles', "compiles %s", claims = "last" },
  { '^Checking if "(.-)".- links', "links %s", claims = "last" },
  { '^Checking if "(.-)".- runs', "run %s", claims = "last" },
  { '^First supported argument: (%S+)', "first_supported_argument %s", claims = "all" },
  { '^First supported link argument: (%S+)', "first_supported_link_argument %s", claims = "all" },
  { '^Run%-time dependency (%S+) found', "dependency %s", claims = "all" },
  { '^Build%-time dependency (%S+) found', "dependency %s", claims = "all" },
  { '^Dependency (%S+) found', "dependency %s", claims = "all" },
  { '^Dependency (%S+) for %S+ machine found', "dependency %s", claims = "all" },  -- cached, Meson 1.11 and later
  { '^Dependency (%S+) skipped', "dependency %s", claims = "all" },
}

-- What Meson compiles of its own accord, recognised by its code or command line.
local probes = {
  { "compiler probe: --print-search-dirs", function(c) return c.command_line:find("--print-search-dirs", 1, true) end },
  { "compiler probe: sizeof(void *)", function(c) return c.code:find("(long)(sizeof(void *))", 1, true) end },
}

-- Lines that start another step of the configure (a lookup, a program, a message): no status
-- line after them can be about a compile before them.
local boundaries = { "^Determining dependency ", "^Program %S+ found", "^Message: ", "^Configuring ", "^Adding test " }

-- True when `line` starts another step of the configure (see `boundaries`).
function M.boundary(line)
  for _, pattern in ipairs(boundaries) do
    if line:find(pattern) then return true end
  end
  return false
end

-- The status line `line` as { name =, subject =, library =, claims = }, or nil when it is none.
function M.status(line)
  for _, f in ipairs(formats) do
    local captures = { line:match(f[1]) }
    if captures[1] then
      if f.members then captures[2] = f.members(captures[2]) end
      local status = { name = (f[2]:format(captures[1], captures[2] or "")):gsub("%s+$", ""), claims = f.claims or "subject",
                       line = line:gsub("%s+$", "") }
      if type(f.subject) == "function" then status.subject = f.subject(captures[1])
      elseif f.subject then status.subject = captures[f.subject] end
      if f.library then status.library = captures[f.library] end
      return status
    end
  end
end

local function mentions(check, status)
  if status.library then
    local lib = status.library:gsub("%p", "%%%0")
    return (" " .. check.command_line .. " "):find("[%s/]%-l" .. lib .. "%s") ~= nil
      or check.command_line:find("/lib" .. lib .. "%.[as]o?") ~= nil
  end
  local s = status.subject
  return s ~= nil and (check.code:find(s, 1, true) or check.command_line:find(s, 1, true)) ~= nil
end

local function what(check)
  for _, p in ipairs(probes) do
    if p[2](check) then return p[1] end
  end
end

-- What a compile no status line named was about, read from the test program Meson wrote for
-- it: the shapes of compiler.py's has_header and has_header_symbol (which Meson also runs for
-- itself, unlogged, to tell libc++ from libstdc++), or nil.
local function shape(c)
  local header = c.code:match("#error \"Header '(.-)' could not be found\"")
  if header then return "has_header " .. header end
  local symbol = c.code:match("try to use as a symbol %*/%s*#ifndef (%S+)") or c.code:match("\n%s*using ([%w_:]+);")
  local include = c.code:match("#include <(.-)>")
  if symbol and include then return "has_header_symbol " .. include .. " " .. symbol end
end

-- Adds "(k of n)" to the names that several compiles of `list` share.
local function number(list)
  local total, seen = {}, {}
  for _, c in ipairs(list) do total[c.name] = (total[c.name] or 0) + 1 end
  for _, c in ipairs(list) do
    if total[c.name] > 1 then
      seen[c.name] = (seen[c.name] or 0) + 1
      c.name = string.format("%s (%d of %d)", c.name, seen[c.name], total[c.name])
    end
  end
end

-- Names the compiles of `pending` that `status` is about; the others in it are named by what
-- they are, since no later line can be about them (see `settle`). Empties `pending`.
function M.claim(status, pending)
  local mine, rest, last = {}, {}, nil
  for i, c in ipairs(pending) do
    if not what(c) then last = i end
  end
  for i, c in ipairs(pending) do
    local about
    if status.claims == "last" then about = i == last
    elseif status.claims == "all" then about = not what(c)
    else about = mentions(c, status) end
    if about then
      mine[#mine + 1] = c
      c.result, c.result_line = status.line, status.number
      -- A lookup's compiles are named by what they tested, where their code tells.
      c.name = status.claims == "all" and string.format("%s: %s", status.name, shape(c) or c.kind .. " check") or status.name
    else
      rest[#rest + 1] = c
    end
  end
  number(mine)
  M.settle(rest)
  for i = #pending, 1, -1 do pending[i] = nil end
end

-- Names every compile of `pending` by what it is, and empties it.
function M.settle(pending)
  for _, c in ipairs(pending) do
    local guess = shape(c)
    c.name = what(c) or guess and guess .. " (no status line)" or string.format("unnamed %s (log line %d)", c.kind, c.line)
  end
  number(pending)
  for i = #pending, 1, -1 do pending[i] = nil end
end

return M
