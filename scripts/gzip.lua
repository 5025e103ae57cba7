-- gzip -6 against gzip -9 on 2.6 MB of text, compared as hyperfine compares commands
--
--   bench run gzip                       # table: samples, spread, "times faster"
--   bench run gzip --format markdown --plot gzip.svg
local data = bench.tempdir() .. "/data.txt"
local f = assert(io.open(data, "wb"))
for i = 1, 200000 do f:write(i, " ", (i * 7919) % 104729, " bench\n") end
f:close()
return {
  name = "gzip",
  probes = { { name = "gzip -6", command = { "gzip", "-6", "-c", data } },
             { name = "gzip -9", command = { "gzip", "-9", "-c", data } } },
  strategies = { "serial" }, runs = 10, warmup = 2,
}
