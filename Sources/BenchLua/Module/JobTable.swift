import BenchCore
import CLua

/// The Lua shape of a job: its sequence is argv, its fields the options.
///
///     { "gfortran", "x.f90", "-o", "x", name = "x", cwd = "/tmp", env = { LANG = "C" },
///       stdin = "text", timeout = 10, capture = 65536 }
enum JobTable {
    /// The fields a job table may have besides its sequence.
    static let fields = ["name", "cwd", "env", "stdin", "timeout", "capture"]
}

extension LuaStack {
    /// Reads the job table at `index`, which is argument `arg` of the current call. Every field
    /// is type-checked and unknown fields are refused, so a typo is an error, not a silent default.
    func job(at index: Int32, arg: Int32, label: String = "") throws(LuaCallError) -> Job {
        let t = lua_absindex(L, index)
        guard lua_type(L, t) == LUA_TTABLE else {
            throw .argument(arg, "\(label.isEmpty ? "" : label + ": ")job table expected, got \(typeName(at: t))")
        }
        let count = rawLength(t)
        try checkKeys(t, arg: arg, allowed: JobTable.fields, sequence: count, label: label)
        var argv: [String] = []
        for i in stride(from: 1, through: count, by: 1) {
            lua_rawgeti(L, t, lua_Integer(i))
            defer { bench_lua_pop(L, 1) }
            guard let word = scalarString(at: -1) else {
                throw .argument(arg, "\(label)[\(i)]: string expected, got \(typeName(at: -1))")
            }
            try refuseNUL(word, "\(label)[\(i)]", arg: arg)
            argv.append(word)
        }
        guard !argv.isEmpty else {
            throw .argument(arg, "\(label.isEmpty ? "" : label + ": ")the command is empty (put the program and its arguments in the table's sequence)")
        }
        var job = Job(argv: argv)
        if let name = try stringField(t, "name", arg: arg, label: label) { job.name = name }
        job.workingDirectory = try stringField(t, "cwd", arg: arg, label: label)
        if let cwd = job.workingDirectory { try refuseNUL(cwd, "\(label.isEmpty ? "" : label + ".")cwd", arg: arg) }
        if let stdin = try field(t, "stdin", arg: arg, label: label, expected: "string", { bytes(at: -1) }) {
            job.stdin = stdin
        }
        if let timeout = try field(t, "timeout", arg: arg, label: label, expected: "positive number", { number(at: -1).flatMap { $0 > 0 && $0.isFinite ? $0 : nil } }) {
            job.timeout = timeout
        }
        if let capture = try field(t, "capture", arg: arg, label: label, expected: "non-negative integer", { integer(at: -1).flatMap { $0 >= 0 ? $0 : nil } }) {
            job.outputLimit = capture
        }
        if pushField(t, "env") != LUA_TNIL {
            defer { bench_lua_pop(L, 1) }
            job.environment = try environment(at: -1, arg: arg, label: label)
        } else {
            bench_lua_pop(L, 1)
        }
        return job
    }

    /// Refuses keys other than `allowed` names and the sequence `1...sequence`.
    func checkKeys(_ t: Int32, arg: Int32, allowed: [String], sequence: Int, label: String) throws(LuaCallError) {
        lua_pushnil(L)
        while lua_next(L, t) != 0 {
            bench_lua_pop(L, 1)
            if let key = string(at: -1) {
                guard allowed.contains(key) else {
                    throw .argument(arg, "\(label.isEmpty ? "" : label + ": ")unknown field '\(key)' (valid: \(allowed.joined(separator: ", ")))")
                }
            } else if let i = integer(at: -1), i >= 1, i <= sequence {
                continue
            } else {
                throw .argument(arg, "\(label.isEmpty ? "" : label + ": ")unexpected key of type \(typeName(at: -1)) (only names and a sequence 1..n)")
            }
        }
    }

    /// A string field of the table at `t`, or `nil` when absent.
    func stringField(_ t: Int32, _ name: String, arg: Int32, label: String) throws(LuaCallError) -> String? {
        try field(t, name, arg: arg, label: label, expected: "string") { string(at: -1) }
    }

    /// Reads field `name` of the table at `t` with `read` (which sees the value on top);
    /// `nil` when absent, an argument error when `read` refuses it.
    func field<T>(
        _ t: Int32, _ name: String, arg: Int32, label: String, expected: String, _ read: () -> T?
    ) throws(LuaCallError) -> T? {
        guard pushField(t, name) != LUA_TNIL else {
            bench_lua_pop(L, 1)
            return nil
        }
        defer { bench_lua_pop(L, 1) }
        guard let value = read() else {
            let got = lua_type(L, -1) == LUA_TNUMBER ? "\(number(at: -1) ?? 0)" : typeName(at: -1)
            throw .argument(arg, "\(label.isEmpty ? "" : label + ".")\(name): \(expected) expected, got \(got)")
        }
        return value
    }

    /// No program can receive a NUL byte in an argument, a directory or a variable.
    func refuseNUL(_ text: String, _ what: String, arg: Int32) throws(LuaCallError) {
        guard text.utf8.contains(0) else { return }
        throw .argument(arg, "\(what): contains a NUL byte, which no program can receive")
    }

    /// A string, or a number written as Lua writes it; `nil` for any other type.
    func scalarString(at index: Int32) -> String? {
        if let s = string(at: index) { return s }
        if let i = integer(at: index) { return String(i) }
        if let d = number(at: index) { return String(d) }
        return nil
    }

    private func environment(at index: Int32, arg: Int32, label: String) throws(LuaCallError) -> [String: String] {
        let t = lua_absindex(L, index)
        guard lua_type(L, t) == LUA_TTABLE else { throw .argument(arg, "\(label.isEmpty ? "" : label + ".")env: table expected, got \(typeName(at: t))") }
        var env: [String: String] = [:]
        lua_pushnil(L)
        while lua_next(L, t) != 0 {
            defer { bench_lua_pop(L, 1) }
            guard let key = string(at: -2), let value = scalarString(at: -1) else {
                throw .argument(arg, "\(label.isEmpty ? "" : label + ".")env: names and values must be strings")
            }
            guard !key.isEmpty, !key.contains("=") else {
                throw .argument(arg, "\(label.isEmpty ? "" : label + ".")env: '\(key.prefix(40))' is not a variable name")
            }
            try refuseNUL(key + value, "\(label.isEmpty ? "" : label + ".")env.\(key.prefix(40))", arg: arg)
            env[key] = value
        }
        return env
    }

    /// Pushes a job as a job table.
    func push(_ job: Job) {
        pushArray(job.argv)
        push(job.name)
        setField(-2, "name")
        if let cwd = job.workingDirectory { push(cwd); setField(-2, "cwd") }
        if let timeout = job.timeout { push(timeout); setField(-2, "timeout") }
        if let stdin = job.stdin { push(String(decoding: stdin, as: UTF8.self)); setField(-2, "stdin") }
        if job.outputLimit != Job.defaultOutputLimit { push(job.outputLimit); setField(-2, "capture") }
        if !job.environment.isEmpty {
            lua_createtable(L, 0, Int32(clamping: job.environment.count))
            for (key, value) in job.environment { push(value); setField(-2, key) }
            setField(-2, "env")
        }
    }

    /// Pushes a result as a table: ok, exit, signal, signal_name, timed_out, error, wall, user,
    /// sys, maxrss, stdout, stderr, stdout_dropped, stderr_dropped, started, ended, summary.
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
        push(r.wall); setField(-2, "wall")
        push(r.user); setField(-2, "user")
        push(r.sys); setField(-2, "sys")
        push(r.maxRSS); setField(-2, "maxrss")
        push(r.stdout); setField(-2, "stdout")
        push(r.stderr); setField(-2, "stderr")
        push(r.stdoutDropped); setField(-2, "stdout_dropped")
        push(r.stderrDropped); setField(-2, "stderr_dropped")
        push(r.started); setField(-2, "started")
        push(r.ended); setField(-2, "ended")
        push(r.summary); setField(-2, "summary")
    }
}
