-- The compilers of a list that are installed, for recipes that serve every machine
--
--   local found = require("compilers").installed({ "gfortran", "flang-new-19" }, "fortran")
--
-- Each one not installed is skipped with a line on stderr ("fortran: skipped NAME: why");
-- when none is, the run ends with exit status 2. Returns the compiler tables of bench.compiler.

local M = {}

function M.installed(names, recipe)
  local found = {}
  for _, name in ipairs(names) do
    local cc, why = bench.compiler(name)
    if cc then found[#found + 1] = cc else io.stderr:write(recipe .. ": skipped " .. name .. ": " .. why .. "\n") end
  end
  if #found == 0 then
    bench.usage_error("none of the compilers is installed (" .. table.concat(names, ", ") .. ")")
  end
  return found
end

return M
