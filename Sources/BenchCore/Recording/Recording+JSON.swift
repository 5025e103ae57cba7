extension Recording {
    /// The recording as the JSON `bench record` writes (`docs/recording.md`). Bytes that are
    /// UTF-8 are strings; any others are `{"base64": "..."}`, so that nothing is lost.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("recording", .int(Self.format)), ("bench", .string(bench)), ("started", .string(started)),
            ("command", .array(command.map(Self.bytes))), ("cwd", Self.bytes(workingDirectory)), ("wall_s", .number(wall)),
        ]
        if let exit { fields.append(("exit", .int(exit))) }
        if let signal { fields.append(("signal", .int(signal))) }
        fields += [
            ("compiler_s", .number(compilerTime)),
            ("host", .object([("os", .string(host.os)), ("kernel", .string(host.kernel)), ("cpu", .string(host.cpu)), ("cores", .int(host.cores))])),
            ("compilers", .object(compilers.map { ($0.name.text, .array($0.runs.map(Self.bytes))) })),
            ("invocations", .array(invocations.map(Self.json))),
        ]
        if lost > 0 { fields.append(("lost", .int(lost))) }
        return .object(fields)
    }

    private static func json(_ i: Invocation) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("argv", .array(i.argv.map(bytes))), ("compiler", .array(i.compiler.map(bytes))), ("cwd", bytes(i.workingDirectory)),
            ("environment", .object(i.environment.sorted { $0.key < $1.key }.map { ($0.key.text, bytes($0.value)) })),
            ("unset", .array(i.unset.map(bytes))),
            ("start_s", .number(i.start)), ("wall_s", .number(i.wall)), ("user_s", .number(i.user)), ("sys_s", .number(i.sys)),
        ]
        if let exit = i.exit { fields.append(("exit", .int(exit))) }
        if let signal = i.signal { fields.append(("signal", .int(signal))) }
        if let input = i.stdin { fields.append(("stdin", bytes(input))) }
        if let out = i.stdout { fields.append(("stdout", bytes(out))) }
        if let err = i.stderr { fields.append(("stderr", bytes(err))) }
        fields += [
            ("files", .array(i.files.map { .object([("path", bytes($0.path)), ("bytes", bytes($0.bytes))]) })),
            ("pid", .int(i.pid)), ("parent", .int(i.parent)),
        ]
        return .object(fields)
    }

    /// Bytes as JSON: a string when they are UTF-8, else `{"base64": "..."}`.
    static func bytes(_ b: ByteString) -> JSONValue {
        b.isValidUTF8 ? .string(b.text) : .object([("base64", .string(Base64.encode(b.bytes)))])
    }

    /// Reads a recording that `json` wrote, checking every field: its format, its numbers against
    /// what bench can represent, its bytes. Errors name the field (`invocations[3].wall_s`).
    public init(json: JSONValue) throws(BenchError) {
        let doc = JSONReader(json, path: "")
        let format = try doc.int("recording")
        guard format == Self.format else {
            throw .invalidValue("a recording of format \(format): this bench reads format \(Self.format); record it again with this bench")
        }
        let host = try doc.object("host")
        var compilers: [(name: ByteString, runs: [ByteString])] = []
        for (name, runs) in try doc.object("compilers").fields() {
            compilers.append((ByteString(name), try runs.items().map { r throws(BenchError) in try r.bytesValue() }))
        }
        self.init(
            bench: try doc.string("bench"), started: try doc.string("started"), command: try doc.byteList("command"),
            workingDirectory: try doc.bytes("cwd"), wall: try doc.number("wall_s", in: Limits.documentSeconds),
            exit: doc.has("exit") ? try doc.int("exit", in: 0...255) : nil, signal: doc.has("signal") ? try doc.int("signal", in: 1...64) : nil,
            host: HostInfo(
                os: try host.string("os"), kernel: try host.string("kernel"), cpu: try host.string("cpu"),
                cores: try host.int("cores", in: Limits.cores)),
            compilers: compilers, invocations: try doc.array("invocations").map(Self.invocation),
            lost: doc.has("lost") ? try doc.int("lost", in: 0...Limits.jobsPerBatch.upperBound) : 0)
        guard invocations.count <= Limits.jobsPerBatch.upperBound else {
            throw .invalidValue("field 'invocations': at most \(Limits.jobsPerBatch.upperBound) expected, got \(invocations.count)")
        }
    }

    private static func invocation(_ r: JSONReader) throws(BenchError) -> Invocation {
        var environment: [ByteString: ByteString] = [:]
        for (name, value) in try r.object("environment").fields() { environment[ByteString(name)] = try value.bytesValue() }
        let argv = try r.byteList("argv")
        guard !argv.isEmpty else { throw r.error("argv", "a list of at least one argument") }
        let compiler = try r.byteList("compiler")
        guard !compiler.isEmpty else { throw r.error("compiler", "a list of the launcher's words and the compiler's path") }
        return Invocation(
            argv: argv, compiler: compiler, workingDirectory: try r.bytes("cwd"), environment: environment,
            unset: try r.byteList("unset"),
            files: try r.array("files").map { f throws(BenchError) in InvocationInput(path: try f.bytes("path"), bytes: try f.bytes("bytes")) },
            stdin: r.has("stdin") ? try r.bytes("stdin") : nil,
            start: try r.number("start_s", in: -Limits.documentSeconds.upperBound...Limits.documentSeconds.upperBound),
            wall: try r.number("wall_s", in: Limits.documentSeconds), user: try r.number("user_s", in: Limits.documentSeconds),
            sys: try r.number("sys_s", in: Limits.documentSeconds),
            exit: r.has("exit") ? try r.int("exit", in: 0...255) : nil, signal: r.has("signal") ? try r.int("signal", in: 1...64) : nil,
            stdout: r.has("stdout") ? try r.bytes("stdout") : nil, stderr: r.has("stderr") ? try r.bytes("stderr") : nil,
            pid: try r.int("pid", in: 0...Int(Int32.max)), parent: try r.int("parent", in: 0...Int(Int32.max)))
    }
}

extension JSONReader {
    /// The list of values of field `name`, each as a reader.
    func items() throws(BenchError) -> [JSONReader] {
        guard case .array(let values) = value else { throw .invalidValue("'\(path)': list expected") }
        return values.enumerated().map { JSONReader($1, path: path + "[\($0)]") }
    }

    /// Bytes as `Recording.bytes` wrote them: a string, or `{"base64": "..."}`.
    func bytesValue() throws(BenchError) -> ByteString {
        if case .string(let s) = value { return ByteString(s) }
        guard case .string(let encoded) = value["base64"] ?? .null, let decoded = Base64.decode(encoded) else {
            throw .invalidValue("'\(path)': a string, or {\"base64\": \"...\"}, expected")
        }
        return ByteString(decoded)
    }

    func bytes(_ name: String) throws(BenchError) -> ByteString {
        try JSONReader(try field(name), path: path.isEmpty ? name : path + "." + name).bytesValue()
    }

    func byteList(_ name: String) throws(BenchError) -> [ByteString] {
        try array(name).map { r throws(BenchError) in try r.bytesValue() }
    }
}
