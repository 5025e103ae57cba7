/// The file a shim writes for one invocation (`Sources/BenchShim/shim.c`): fields, each
/// `KEY LENGTH\n`, then LENGTH bytes, then `\n`.
enum InvocationFile {
    /// The invocation `file` describes. `start` is the recording's start on the shim's clock
    /// (`CLOCK_MONOTONIC`, seconds); `shims` undoes the variables bench set, so that the
    /// environment is compared with the one the command started with, `startEnvironment`.
    static func read(
        _ file: ByteString, start: Double, startEnvironment: [ByteString: ByteString], shims: ShimFolder
    ) throws(BenchError) -> Invocation {
        var fields: [(String, ByteString)] = []
        let bytes = file.bytes
        var i = 0
        while i < bytes.count {
            guard let space = bytes[i...].firstIndex(of: 0x20), let newline = bytes[space...].firstIndex(of: 0x0A),
                let length = Int(String(decoding: bytes[(space + 1)..<newline], as: UTF8.self)), length >= 0,
                length < bytes.count - newline - 1, bytes[newline + 1 + length] == 0x0A
            else { throw .io("a shim's record is damaged at byte \(i)") }
            fields.append((String(decoding: bytes[i..<space], as: UTF8.self), ByteString(bytes: bytes[(newline + 1)..<(newline + 1 + length)])))
            i = newline + 2 + length
        }
        return try invocation(fields, start: start, startEnvironment: startEnvironment, shims: shims)
    }

    private static func invocation(
        _ fields: [(String, ByteString)], start: Double, startEnvironment: [ByteString: ByteString], shims: ShimFolder
    ) throws(BenchError) -> Invocation {
        func all(_ key: String) -> [ByteString] { fields.filter { $0.0 == key }.map(\.1) }
        func number(_ key: String) -> Int? { fields.first { $0.0 == key }.flatMap { Int($0.1.text) } }
        guard all("version") == ["1"] else { throw .io("a shim's record is of a version this bench does not read") }
        guard let started = number("start_ns"), let ended = number("end_ns") else { throw .io("a shim's record has no times") }
        var environment: [ByteString: ByteString] = [:]
        for entry in all("env") {
            let name = ByteString(bytes: entry.bytes.prefix { $0 != UInt8(ascii: "=") })
            environment[name] = ByteString(bytes: entry.bytes.dropFirst(name.count + 1))
        }
        shims.undo(&environment)
        var files: [InvocationInput] = []
        for (index, field) in fields.enumerated() where field.0 == "file" && index + 1 < fields.count && fields[index + 1].0 == "bytes" {
            files.append(InvocationInput(path: field.1, bytes: fields[index + 1].1))
        }
        return Invocation(
            argv: all("argv"), compiler: all("real"), workingDirectory: all("cwd").first ?? "",
            environment: environment.filter { startEnvironment[$0.key] != $0.value },
            unset: startEnvironment.keys.filter { environment[$0] == nil }.sorted(), files: files, stdin: all("stdin").first,
            start: Double(started) / 1e9 - start, wall: Double(ended - started) / 1e9,
            user: Double(number("user_us") ?? 0) / 1e6, sys: Double(number("sys_us") ?? 0) / 1e6,
            exit: number("exit"), signal: number("signal"), stdout: all("stdout").first, stderr: all("stderr").first,
            pid: number("pid") ?? 0, parent: number("ppid") ?? 0)
    }
}
