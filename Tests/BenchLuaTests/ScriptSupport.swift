import BenchCore
import BenchLua
import Foundation

/// Writes `source` to a fresh script file and runs it in a new host on a thread of its own, as
/// bench does: the host blocks while a batch runs, which must never happen on a thread of
/// Swift's cooperative pool (tests run there).
func runScript(
    _ source: String, name: String = "test.lua", options: ScriptOptions = ScriptOptions()
) async -> Result<ScriptOutcome, ScriptError> {
    await runScript(bytes: ByteString(source), name: name, options: options)
}

/// `runScript` for a script of any bytes, UTF-8 or not.
func runScript(
    bytes source: ByteString, name: String = "test.lua", options: ScriptOptions = ScriptOptions()
) async -> Result<ScriptOutcome, ScriptError> {
    await withCheckedContinuation { continuation in
        let thread = Thread {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bench-t-\(UUID().uuidString.prefix(8))")
            try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent(name).path
            _ = FileManager.default.createFile(atPath: path, contents: Data(source.bytes))
            let host = ScriptHost(configuration: RunConfiguration(workerCommand: ["/bin/false"], options: options, version: "test"))
            defer { host.run.close() }
            continuation.resume(returning: Result { () throws(ScriptError) -> ScriptOutcome in try host.run(script: ByteString(path)) })
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// The error message of a failed script run, or "" if it did not fail.
func errorMessage(_ outcome: Result<ScriptOutcome, ScriptError>) -> String {
    if case .failure(let e) = outcome { return e.message }
    return ""
}

/// The first line of the error message, from the script's file name on (the directory is dropped).
func headline(_ outcome: Result<ScriptOutcome, ScriptError>) -> String {
    let first = errorMessage(outcome).split(separator: "\n").first.map(String.init) ?? ""
    guard let slash = first.range(of: "/", options: .backwards, range: first.startIndex..<(first.range(of: ".lua:")?.lowerBound ?? first.endIndex))
    else { return first }
    return String(first[slash.upperBound...])
}

/// The outcome of a successful script run, or `nil` if it failed.
func value(_ outcome: Result<ScriptOutcome, ScriptError>) -> ScriptOutcome? {
    try? outcome.get()
}
