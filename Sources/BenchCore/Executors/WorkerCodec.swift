/// How jobs and results cross the pipes of a `processes` worker: each is one line of fixed-order
/// binary fields (little-endian integers, IEEE doubles, length-prefixed bytes), with every
/// newline and escape byte escaped, so it is framed by its newline.
///
/// Not JSON: Foundation's JSON encoder and decoder, with every byte string as base64, cost
/// about 200 µs of CPU per job on the two sides together, as much again as spawning the child.
enum WorkerCodec {
    private static let newline: UInt8 = 0x0A
    private static let escape: UInt8 = 0x1B

    /// The line for a job, without its newline.
    static func encode(_ job: Job) -> [UInt8] {
        var w = Writer()
        w.bytes(job.name)
        w.int(job.argv.count)
        for arg in job.argv { w.bytes(arg) }
        w.optionalBytes(job.workingDirectory)
        w.int(job.environment.count)
        for (name, value) in job.environment.sorted(by: { $0.key < $1.key }) { w.bytes(name); w.bytes(value) }
        w.optionalBytes(job.stdin)
        w.optionalBytes(job.stdinFile)
        w.flag(job.timeout != nil)
        if let timeout = job.timeout { w.double(timeout) }
        w.int(job.outputLimit)
        w.flag(job.discardsOutput)
        w.flag(job.sharesOutput)
        return escaped(w.out)
    }

    /// The job of a line, or `nil` if it is not one.
    static func job(_ line: [UInt8]) -> Job? {
        guard let data = unescaped(line) else { return nil }
        var r = Reader(data)
        guard let name = r.bytes(), let argc = r.count(), argc > 0 else { return nil }
        var argv: [ByteString] = []
        for _ in 0..<argc { guard let arg = r.bytes() else { return nil }; argv.append(arg) }
        guard let cwd = r.optionalBytes(), let envc = r.count() else { return nil }
        var environment: [ByteString: ByteString] = [:]
        for _ in 0..<envc {
            guard let name = r.bytes(), let value = r.bytes() else { return nil }
            environment[name] = value
        }
        guard let stdin = r.optionalBytes(), let stdinFile = r.optionalBytes(), let timed = r.flag() else { return nil }
        var timeout: Double?
        if timed { guard let t = r.double() else { return nil }; timeout = t }
        guard let limit = r.int(), let discards = r.flag(), let shares = r.flag(), r.atEnd else { return nil }
        var job = Job(
            name: name, argv: argv, workingDirectory: cwd, environment: environment,
            stdin: stdin, timeout: timeout, outputLimit: limit)
        job.stdinFile = stdinFile
        job.discardsOutput = discards
        job.sharesOutput = shares
        return job
    }

    /// The line for a result, without its newline.
    static func encode(_ result: JobResult) -> [UInt8] {
        var w = Writer()
        w.bytes(result.name)
        w.flag(result.exitCode != nil)
        w.int(Int(result.exitCode ?? 0))
        w.flag(result.signal != nil)
        w.int(Int(result.signal ?? 0))
        w.flag(result.timedOut)
        w.flag(result.interrupted)
        w.flag(result.failedToStart)
        w.optionalBytes(result.error.map { ByteString($0) })
        for d in [result.wall, result.user, result.sys, result.started, result.ended] { w.double(d) }
        w.int(result.maxRSS)
        w.bytes(result.stdout)
        w.bytes(result.stderr)
        w.int(result.stdoutDropped)
        w.int(result.stderrDropped)
        return escaped(w.out)
    }

    /// The result of a line, or `nil` if it is not one.
    static func result(_ line: [UInt8]) -> JobResult? {
        guard let data = unescaped(line) else { return nil }
        var r = Reader(data)
        guard let name = r.bytes(), let hasExit = r.flag(), let exit = r.int32(), let hasSignal = r.flag(), let signal = r.int32(),
            let timedOut = r.flag(), let interrupted = r.flag(), let failedToStart = r.flag(), let error = r.optionalBytes(),
            let wall = r.double(), let user = r.double(), let sys = r.double(), let started = r.double(), let ended = r.double(),
            let rss = r.int(), let stdout = r.bytes(), let stderr = r.bytes(),
            let outDropped = r.int(), let errDropped = r.int(), r.atEnd
        else { return nil }
        var result = JobResult(
            name: name, exitCode: hasExit ? exit : nil, signal: hasSignal ? signal : nil, timedOut: timedOut,
            interrupted: interrupted, error: error.map { String(decoding: $0.bytes, as: UTF8.self) },
            wall: wall, user: user, sys: sys, maxRSS: rss, stdout: stdout, stderr: stderr,
            stdoutDropped: outDropped, stderrDropped: errDropped, started: started, ended: ended)
        result.failedToStart = failedToStart
        return result
    }

    private static func escaped(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for b in bytes {
            if b == newline { out += [escape, 1] } else if b == escape { out += [escape, 2] } else { out.append(b) }
        }
        return out
    }

    private static func unescaped(_ line: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var i = 0
        while i < line.count {
            if line[i] == escape {
                guard i + 1 < line.count, line[i + 1] == 1 || line[i + 1] == 2 else { return nil }
                out.append(line[i + 1] == 1 ? newline : escape)
                i += 2
            } else {
                out.append(line[i])
                i += 1
            }
        }
        return out
    }

    private struct Writer {
        var out: [UInt8] = []
        mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out += $0 } }
        mutating func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { out += $0 } }
        mutating func flag(_ v: Bool) { out.append(v ? 1 : 0) }
        mutating func bytes(_ v: ByteString) { int(v.count); out += v.bytes }
        mutating func optionalBytes(_ v: ByteString?) { flag(v != nil); if let v { bytes(v) } }
    }

    private struct Reader {
        private let data: [UInt8]
        private var at = 0
        init(_ data: [UInt8]) { self.data = data }
        var atEnd: Bool { at == data.count }
        private mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
            guard n >= 0, n <= data.count - at else { return nil }
            defer { at += n }
            return data[at..<at + n]
        }
        /// Eight little-endian bytes.
        private mutating func word() -> UInt64? { take(8).map { $0.reversed().reduce(0) { $0 << 8 | UInt64($1) } } }
        mutating func int() -> Int? { word().flatMap { Int(exactly: Int64(bitPattern: $0)) } }
        mutating func int32() -> Int32? { int().flatMap { Int32(exactly: $0) } }
        mutating func count() -> Int? { int().flatMap { $0 >= 0 && $0 <= data.count ? $0 : nil } }
        mutating func double() -> Double? { word().map(Double.init(bitPattern:)) }
        mutating func flag() -> Bool? { take(1).flatMap { $0.first! <= 1 ? $0.first! == 1 : nil } }
        mutating func bytes() -> ByteString? {
            guard let n = count(), let s = take(n) else { return nil }
            return ByteString(Array(s))
        }
        /// `.some(nil)` for an absent value, `nil` for a malformed one.
        mutating func optionalBytes() -> ByteString?? {
            guard let present = flag() else { return nil }
            if !present { return .some(nil) }
            guard let b = bytes() else { return nil }
            return .some(b)
        }
    }
}
