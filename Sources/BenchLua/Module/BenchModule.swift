import BenchCore
import CLua

/// The `bench` table given to scripts: one Swift function per Lua-visible operation, named
/// after what Lua sees, plus a few values (`args`, `cores`, `strategies`, `options`, `version`).
enum BenchModule {
    /// Installs `bench` as a global and as `require "bench"`, and makes `os.exit` safe.
    static func install(in stack: LuaStack, host: ScriptHost) {
        // swift-format-ignore: AlwaysUseLowerCamelCase
        let L = stack.L
        let context = Unmanaged.passUnretained(host).toOpaque()
        lua_createtable(L, 0, Int32(functions.count + 5))
        for (name, function) in functions {
            stack.pushFunction(function, context: context)
            stack.setField(-2, name)
        }
        let options = host.configuration.options
        stack.pushArray(options.arguments)
        stack.setField(-2, "args")
        stack.push(Host.usableCores)
        stack.setField(-2, "cores")
        stack.pushArray(Strategy.allCases.map(\.rawValue))
        stack.setField(-2, "strategies")
        stack.push(host.configuration.version)
        stack.setField(-2, "version")
        stack.push(options)
        stack.setField(-2, "options")

        lua_pushvalue(L, -1)
        lua_setglobal(L, "bench")
        luaL_getsubtable(L, bench_lua_registryindex(), LUA_LOADED_TABLE)
        bench_lua_insert(L, -2)
        stack.setField(-2, "bench")
        bench_lua_pop(L, 1)

        // os.exit would end the process without removing the temporary directory or killing
        // children: it becomes a request the host carries out.
        lua_getglobal(L, "os")
        stack.pushFunction({ LuaStack(L: $0!).withHost(BenchModule.exit) }, context: context)
        stack.setField(-2, "exit")
        // Where the output goes elsewhere (bench info), so does print's.
        if host.configuration.output != nil {
            stack.pushFunction({ LuaStack(L: $0!).withHost(BenchModule.print) }, context: context)
            lua_setglobal(L, "print")
        }
        // Under --dry-run, the shell escapes print their command instead of running it.
        if options.dryRun {
            stack.pushFunction({ LuaStack(L: $0!).withHost(BenchModule.dryExecute) }, context: context)
            stack.setField(-2, "execute")
            lua_getglobal(L, "io")
            stack.pushFunction({ LuaStack(L: $0!).withHost(BenchModule.dryPopen) }, context: context)
            stack.setField(-2, "popen")
            bench_lua_pop(L, 1)
        }
        bench_lua_pop(L, 1)
    }

    /// `os.execute(command)` under `--dry-run`: prints the command and answers as a success would.
    static func dryExecute(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        guard lua_type(s.L, 1) > LUA_TNIL else { s.push(true); return 1 }  // "is there a shell?"
        host.write("# os.execute\n" + Job(argv: ["/bin/sh", "-c", try s.checkBytes(1)]).shellLine)
        s.push(true); s.push("exit"); s.push(0)
        return 3
    }

    /// `print(...)` when the output goes elsewhere: its arguments as `tostring` shows them,
    /// tab-separated, as one line.
    static func print(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        var words: [String] = []
        for i in stride(from: 1, through: lua_gettop(s.L), by: 1) {
            switch lua_type(s.L, i) {
            case LUA_TSTRING: words.append(s.string(at: i)!)
            case LUA_TNUMBER: words.append(s.integer(at: i).flatMap { lua_isinteger(s.L, i) != 0 ? String($0) : nil } ?? String(s.number(at: i)!))
            case LUA_TBOOLEAN: words.append(lua_toboolean(s.L, i) != 0 ? "true" : "false")
            case LUA_TNIL: words.append("nil")
            default: words.append(s.typeName(at: i))
            }
        }
        host.write(words.joined(separator: "\t"))
        return 0
    }

    /// `io.popen(command)` under `--dry-run`: prints the command and fails as an unstartable one would.
    static func dryPopen(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        host.write("# io.popen\n" + Job(argv: ["/bin/sh", "-c", try s.checkBytes(1)]).shellLine)
        lua_pushnil(s.L)
        s.push("not run under --dry-run")
        return 2
    }

    static let functions: [(String, LuaSwiftFunction)] = [
        ("compiler", { LuaStack(L: $0!).withHost(BenchModule.compiler) }),
        ("compile", { LuaStack(L: $0!).withHost(BenchModule.compile) }),
        ("job", { LuaStack(L: $0!).withHost(BenchModule.job) }),
        ("spawn", { LuaStack(L: $0!).withHost(BenchModule.spawn) }),
        ("run", { LuaStack(L: $0!).withHost(BenchModule.run) }),
        ("floor", { LuaStack(L: $0!).withHost(BenchModule.floor) }),
        ("measure", { LuaStack(L: $0!).withHost(BenchModule.measure) }),
        ("clock", { LuaStack(L: $0!).withHost(BenchModule.clock) }),
        ("which", { LuaStack(L: $0!).withHost(BenchModule.which) }),
        ("tempdir", { LuaStack(L: $0!).withHost(BenchModule.tempdir) }),
        ("fail", { LuaStack(L: $0!).withHost(BenchModule.fail) }),
        ("reporter", { LuaStack(L: $0!).withHost(BenchModule.reporter) }),
        ("own_usage", { LuaStack(L: $0!).withHost(BenchModule.ownUsage) }),
        ("usage_error", { LuaStack(L: $0!).withHost(BenchModule.usageError) }),
        ("param", { LuaStack(L: $0!).withHost(BenchModule.param) }),
        ("recording", { LuaStack(L: $0!).withHost(BenchModule.recording) }),
    ]

    /// `bench.param(name, {default=, help=, choices=, min=, max=})` → the parameter's value in this run: the
    /// `-D name=value` given (parsed as the default's type), else the default. Declare every
    /// parameter before the first job: the `-D` values are judged then, and a wrong one ends
    /// the run with status 2 and the list of the recipe's parameters.
    static func param(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let parameter = try s.parameter()
        do { s.push(try host.declare(parameter)) } catch { throw .argument(1, error.description) }
        return 1
    }

    /// Ends the run with status 2 when the `-D` values do not fit the parameters declared so
    /// far: called before anything that runs a job.
    static func checkParameters(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) {
        do { try host.checkParameters() } catch { try requestExit(s, host, code: 2, message: "error: \(error)") }
    }

    /// Records the exit the script asked for and raises the host's sentinel, which no `pcall`
    /// can keep: the run ends.
    static func requestExit(_ s: LuaStack, _ host: ScriptHost, code: Int32, message: String?) throws(LuaCallError) -> Never {
        host.exitRequest = (code, message)
        bench_lua_begin_exit(s.L)
        lua_pushlightuserdata(s.L, Unmanaged.passUnretained(host).toOpaque())
        throw .value
    }

    /// `bench.reporter(name, fn)`: registers a report format; `--format name` (or a scenario's
    /// `report = name`) then calls `fn(results)` with the results document.
    static func reporter(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let name = try s.checkString(1)
        guard !name.isEmpty, Renderers.document(named: name) == nil else {
            throw .argument(1, "'\(name)' is a built-in format (\(Renderers.documentNames)); choose another name")
        }
        guard lua_type(s.L, 2) == LUA_TFUNCTION else { throw s.typeError(2, "function") }
        guard !host.reporterNames.contains(name) else {
            throw .argument(1, "a reporter named '\(TerminalText.line(name))' is already registered; choose another name")
        }
        lua_pushvalue(s.L, 2)
        host.register(reporter: name, reference: luaL_ref(s.L, bench_lua_registryindex()))
        return 0
    }

    /// `bench.compiler(name_or_path)` → `{name, path, version}`, or `nil, message`.
    static func compiler(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let name = try s.checkBytes(1)
        try s.refuseNUL(name, "name", arg: 1)
        try checkParameters(s, host)  // it runs `--version`
        do {
            s.push(try host.compiler(name))
            return 1
        } catch {
            lua_pushnil(s.L)
            s.push(error.description)
            return 2
        }
    }

    /// `bench.compile{compiler=, name=, source=, flags=, libs=, ext=, launcher=, timeout=}` → a job
    /// table that compiles and links `source` (written once into the run's temporary directory)
    /// into an output file of its own, built as a scenario's probe is.
    static func compile(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        var t = try LuaTableReader(s, at: 1, arg: 1)
        let compiler = try compiler(&t, host)
        let name = try t.bytes("name") ?? "probe"
        if let problem = Probe.problem(withName: name) { throw .argument(1, "name: \(problem)") }
        let probe = try s.compileFields(&t, name: name)
        guard probe.source != nil else { throw .argument(1, "source: string expected, got nil") }
        let timeout = try t.timeout()
        try t.finish()
        do {
            s.push(try host.compileJob(probe, compiler: compiler, timeout: timeout))
        } catch {
            throw .message(error.description)
        }
        return 1
    }

    /// `bench.compile`'s `compiler`: a name to look up, or a table `{path=, name=, version=}`.
    private static func compiler(_ t: inout LuaTableReader, _ host: ScriptHost) throws(LuaCallError) -> Compiler {
        let s = t.stack
        switch t.push("compiler") {
        case LUA_TSTRING:
            let name = s.bytes(at: -1)!
            bench_lua_pop(s.L, 1)
            do { return try host.compiler(name) } catch { throw .message(error.description) }
        case LUA_TTABLE:
            defer { bench_lua_pop(s.L, 1) }
            var c = try LuaTableReader(s, at: -1, arg: 1, label: "compiler")
            guard let path = try c.bytes("path") else { throw .argument(1, "compiler.path: string expected, got nil (use bench.compiler(name))") }
            try s.refuseNUL(path, "compiler.path", arg: 1)
            let compiler = Compiler(name: try c.bytes("name") ?? path, path: path, version: try c.string("version") ?? "")
            try c.finish()
            return compiler
        default:
            defer { bench_lua_pop(s.L, 1) }
            throw .argument(1, "compiler: compiler table or name expected, got \(s.typeName(at: -1))")
        }
    }

    /// `bench.clock()` → monotonic seconds with nanosecond resolution.
    static func clock(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        s.push(MonotonicClock.now())
        return 1
    }

    /// `bench.own_usage()` → `{user_s=, sys_s=, peak_rss_kib=}`: bench's own CPU seconds and
    /// peak resident memory so far, its children not included.
    static func ownUsage(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let usage = ResourceUsage.current()
        lua_createtable(s.L, 0, 3)
        s.push(usage.user); s.setField(-2, "user_s")
        s.push(usage.sys); s.setField(-2, "sys_s")
        s.push(usage.maxRSS); s.setField(-2, "peak_rss_kib")
        return 1
    }

    /// `bench.which(name)` → the path `name` runs as, or nil.
    static func which(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let name = try s.checkBytes(1)
        try s.refuseNUL(name, "name", arg: 1)
        if let path = Executable.which(name) { s.push(path) } else { lua_pushnil(s.L) }
        return 1
    }

    /// `bench.tempdir()` → the run's private directory, removed when the run ends.
    static func tempdir(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        do { s.push(try host.run.tempDirectory().path) } catch { throw .message(error.description) }
        return 1
    }

    /// `bench.fail(message)` → ends the run with exit status 1 and the message: a check failed.
    /// Once called, the run ends so whatever the script does: a `pcall` that catches it only
    /// delays the end by one instruction.
    static func fail(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let message = try s.checkString(1)
        lua_pushstring(s.L, "")
        luaL_where(s.L, 1)
        try requestExit(s, host, code: 1, message: (s.string(at: -1) ?? "") + message)
    }

    /// `bench.usage_error(message)` → ends the run with exit status 2 and `bench: error:
    /// message`, as any mistake of the command line does: a recipe's own check of its `-D`
    /// values or of what it needs (a missing tool). Like `bench.fail`, it cannot be caught.
    static func usageError(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let message = try s.checkString(1)
        try requestExit(s, host, code: 2, message: "error: " + message)
    }

    /// `os.exit([code])`: ends the run (true or none: 0, false: 1), cleaning up as any end does;
    /// like `bench.fail`, it cannot be caught.
    static func exit(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let code: Int32
        switch lua_type(s.L, 1) {
        case LUA_TNONE, LUA_TNIL: code = 0
        case LUA_TBOOLEAN: code = lua_toboolean(s.L, 1) != 0 ? 0 : 1
        default:
            guard let n = s.integer(at: 1), (0...255).contains(n) else { throw s.typeError(1, "exit status 0-255 or boolean") }
            code = Int32(n)
        }
        try requestExit(s, host, code: code, message: nil)
    }
}
