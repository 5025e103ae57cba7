import BenchCore
import CLua

extension BenchModule {
    /// `bench.recording(path)` → the recording `bench record` wrote, as tables (its fields as in
    /// `docs/recording.md`, bytes as Lua strings, exactly), or `nil, message` when the file cannot
    /// be read or is not a recording this bench reads. Every number in it is checked first.
    static func recording(_ s: LuaStack, _ host: ScriptHost) throws(LuaCallError) -> Int32 {
        let path = try s.checkBytes(1)
        try s.refuseNUL(path, "path", arg: 1)
        do {
            let recording = try Recording(json: JSONParser.parse(FileContents.read(path)))
            s.push(recording.json, decodingBytes: true)
            return 1
        } catch {
            lua_pushnil(s.L)
            s.push("\(TerminalText.line(path)): \(error)")
            return 2
        }
    }
}
