import BenchCore
import CLua

extension LuaStack {
    /// Reads the job table at `index`, which is argument `arg` of the current call: its
    /// sequence is argv, its fields the options,
    ///
    ///     { "gfortran", "x.f90", "-o", "x", name = "x", cwd = "/tmp", env = { LANG = "C" },
    ///       stdin = "text", timeout = 10, capture = 65536 }
    ///
    /// (or `stdin_file = "in.txt"`, a file to read, instead of `stdin`).
    ///
    /// Every field is type-checked and unknown fields are refused, so a typo is an error, not a
    /// silent default.
    func job(at index: Int32, arg: Int32, label: String = "") throws(LuaCallError) -> Job {
        var table = try LuaTableReader(self, at: index, arg: arg, label: label, expected: "job table")
        let argv = try table.words()
        guard !argv.isEmpty else {
            throw .argument(
                arg, "\(label.isEmpty ? "" : label + ": ")the command is empty (put the program and its arguments in the table's sequence)")
        }
        var job = Job(argv: argv)
        if let name = try table.bytes("name") { job.name = name }
        job.workingDirectory = try table.bytes("cwd")
        if let cwd = job.workingDirectory { try refuseNUL(cwd, table.path("cwd"), arg: arg) }
        job.environment = try table.environment()
        job.stdin = try table.bytes("stdin")
        job.stdinFile = try table.bytes("stdin_file")
        try refuseBothInputs(job.stdin, job.stdinFile, arg: arg, label: label)
        job.timeout = try table.timeout()
        if let capture = try table.integer("capture", in: Limits.capture, expected: "integer from 0 to \(Limits.capture.upperBound)") {
            job.outputLimit = capture
        }
        job.discardsOutput = try table.bool("discard_output") ?? false
        try table.finish()
        return job
    }

    /// No program can receive a NUL byte in an argument, a directory or a variable.
    func refuseNUL(_ bytes: ByteString, _ what: String, arg: Int32) throws(LuaCallError) {
        guard bytes.contains(0) else { return }
        throw .argument(arg, "\(what): contains a NUL byte, which no program can receive")
    }

    /// A job or a probe reads its standard input from `stdin` (bytes) or `stdin_file` (a file),
    /// never both: the table at `label` that gives both is an error.
    func refuseBothInputs(_ stdin: ByteString?, _ stdinFile: ByteString?, arg: Int32, label: String) throws(LuaCallError) {
        guard stdin != nil && stdinFile != nil else { return }
        throw .argument(arg, "\(label.isEmpty ? "" : label + ": ")give stdin (the bytes) or stdin_file (a file to read), not both")
    }

    /// A string (byte for byte), or a number written as Lua writes it; `nil` for any other type.
    func scalarBytes(at index: Int32) -> ByteString? {
        if let s = bytes(at: index) { return s }
        if let i = integer(at: index) { return ByteString(String(i)) }
        if let d = number(at: index) { return ByteString(String(d)) }
        return nil
    }

    /// `scalarBytes` as text, for values bench reads itself (a level, a strategy name).
    func scalarString(at index: Int32) -> String? { scalarBytes(at: index)?.text }

    /// An `env` table: names as shells write them (`[A-Za-z_][A-Za-z0-9_]*`, so that a dry-run
    /// line can never run a command hidden in a name), values any bytes but NUL.
    func environment(at index: Int32, arg: Int32, label: String) throws(LuaCallError) -> [ByteString: ByteString] {
        let t = lua_absindex(L, index)
        let prefix = label.isEmpty ? "" : label + "."
        guard lua_type(L, t) == LUA_TTABLE else { throw .argument(arg, "\(prefix)env: table expected, got \(typeName(at: t))") }
        var env: [ByteString: ByteString] = [:]
        lua_pushnil(L)
        while lua_next(L, t) != 0 {
            defer { bench_lua_pop(L, 1) }
            guard let key = bytes(at: -2), let value = scalarBytes(at: -1) else {
                throw .argument(arg, "\(prefix)env: names and values must be strings")
            }
            guard Self.isVariableName(key) else {
                throw .argument(
                    arg,
                    "\(prefix)env: '\(TerminalText.line(key).prefix(40))' is not a variable name (letters, digits and '_', not starting with a digit)"
                )
            }
            try refuseNUL(value, "\(prefix)env.\(key.text)", arg: arg)
            env[key] = value
        }
        return env
    }

    /// True for `[A-Za-z_][A-Za-z0-9_]*`.
    static func isVariableName(_ name: ByteString) -> Bool {
        func letter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b == UInt8(ascii: "_") }
        guard let first = name.bytes.first, letter(first) else { return false }
        return name.bytes.allSatisfy { letter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
    }

    /// Pushes a job as a job table.
    func push(_ job: Job) {
        pushArray(job.argv)
        push(job.name)
        setField(-2, "name")
        if let cwd = job.workingDirectory { push(cwd); setField(-2, "cwd") }
        if let timeout = job.timeout { push(timeout); setField(-2, "timeout") }
        if let stdin = job.stdin { push(stdin); setField(-2, "stdin") }
        if let file = job.stdinFile { push(file); setField(-2, "stdin_file") }
        if job.outputLimit != Job.defaultOutputLimit { push(job.outputLimit); setField(-2, "capture") }
        if job.discardsOutput { push(true); setField(-2, "discard_output") }
        if !job.environment.isEmpty {
            lua_createtable(L, 0, Int32(clamping: job.environment.count))
            for (key, value) in job.environment {
                push(key)
                push(value)
                lua_rawset(L, -3)
            }
            setField(-2, "env")
        }
    }

    /// Pushes a result as a table: ok, exit, signal, signal_name, timed_out, error, wall_s,
    /// user_s, sys_s, peak_rss_kib, stdout, stderr, stdout_dropped, stderr_dropped, started_s,
    /// ended_s, summary (the units' suffixes are the result document's).
    func push(_ r: JobResult) {
        lua_createtable(L, 0, 18)
        push(r.name); setField(-2, "name")
        push(r.ok); setField(-2, "ok")
        if let code = r.exitCode { push(Int(code)); setField(-2, "exit") }
        if let signal = r.signal {
            push(Int(signal)); setField(-2, "signal")
            push(SignalName.name(of: signal)); setField(-2, "signal_name")
        }
        push(r.timedOut); setField(-2, "timed_out")
        if let error = r.error { push(error); setField(-2, "error") }
        push(r.wall); setField(-2, "wall_s")
        push(r.user); setField(-2, "user_s")
        push(r.sys); setField(-2, "sys_s")
        push(r.maxRSS); setField(-2, "peak_rss_kib")
        push(r.stdout); setField(-2, "stdout")
        push(r.stderr); setField(-2, "stderr")
        push(r.stdoutDropped); setField(-2, "stdout_dropped")
        push(r.stderrDropped); setField(-2, "stderr_dropped")
        push(r.started); setField(-2, "started_s")
        push(r.ended); setField(-2, "ended_s")
        push(r.summary); setField(-2, "summary")
    }
}
