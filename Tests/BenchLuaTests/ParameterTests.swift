import BenchCore
import BenchLua
import Testing

@Suite("bench.param")
struct ParameterTests {
    static func options(_ definitions: String...) -> ScriptOptions {
        ScriptOptions(definitions: definitions.map { try! ParameterDefinition(parsing: ByteString($0)) })
    }

    @Test func valuesTakeTheTypeOfTheirDefault() async {
        let outcome = await runScript(
            """
            local n = bench.param("n", { default = 1, help = "a count" })
            local x = bench.param("x", { default = 0.5 })
            local b = bench.param("b", { default = false })
            local s = bench.param("s", { default = "a" })
            local l = bench.param("l", { default = { "gcc" }, choices = { "gcc", "clang", "icx" } })
            local kept = bench.param("kept", { default = 7, min = 1, max = 9 })
            assert(math.type(n) == "integer" and n == 42, "n")
            assert(math.type(x) == "float" and x == 2.0, "x")
            assert(b == true and s == "x,y" and kept == 7, "b, s, kept")
            assert(#l == 2 and l[1] == "clang" and l[2] == "icx", "l")
            """, options: Self.options("n=42", "x=2", "b=on", "s=x,y", "l=clang,icx"))
        #expect(errorMessage(outcome) == "")
    }

    @Test func aWrongOrUnknownValueEndsTheRunWithStatusTwoBeforeTheFirstJob() async {
        let source = """
            local n = bench.param("n", { default = 1 })
            local out = bench.tempdir() .. "/ran"
            bench.spawn{ "touch", out }
            print("still running")
            """
        let wrong = await runScript(source, options: Self.options("n=many"))
        guard case .success(.exit(2, let message?)) = wrong else { Issue.record("\(wrong)"); return }
        #expect(
            message.hasPrefix(
                "error: -D n=many: n is an integer: 'many' is not an integer\ntest's parameters (-D name=value):\n  n  integer  default 1"))
        let unknown = await runScript(source, options: Self.options("m=1"))
        guard case .success(.exit(2, let other?)) = unknown else { Issue.record("\(unknown)"); return }
        #expect(other.hasPrefix("error: -D m=1: test has no parameter 'm'"))
        // A script that runs no job is judged at its end.
        let idle = await runScript("local n = bench.param('n', { default = 1 })", options: Self.options("nosuch=1"))
        #expect(errorMessage(idle).hasPrefix("-D nosuch=1: test has no parameter 'nosuch'\ntest's parameters"))
    }

    @Test(arguments: [
        ("bench.param('n')", "test.lua:1: bad argument #2 to 'param' (table expected, got no value)"),
        (
            "bench.param('n', {})",
            "test.lua:1: bad argument #2 to 'param' (default: a number, boolean, string or list expected, got nil (the default gives the parameter its type))"
        ),
        (
            "bench.param('n', { default = 1, typo = 2 })",
            "test.lua:1: bad argument #2 to 'param' (unknown field 'typo' (valid: default, help, choices, min, max))"
        ),
        ("bench.param('n', { default = {{}} })", "test.lua:1: bad argument #2 to 'param' (default[1]: a number or string expected, got table)"),
        ("bench.param('n', { default = 1/0 })", "test.lua:1: bad argument #2 to 'param' (default: a finite number expected, got inf)"),
        (
            "bench.param('n', { default = 'z', choices = { 'a' } })",
            "test.lua:1: bad argument #1 to 'param' (the default is not one of the choices: a)"
        ),
        (
            "bench.param('2x', { default = 1 })",
            "test.lua:1: bad argument #1 to 'param' ('2x' is not a parameter name (letters, digits, '_' and '-', starting with a letter or '_'))"
        ),
        (
            "bench.param('n', { default = 1 }); bench.param('n', { default = 2 })",
            "test.lua:1: bad argument #1 to 'param' (the parameter 'n' is declared twice)"
        ),
        (
            "bench.spawn{ 'true' }; bench.param('n', { default = 1 })",
            "test.lua:1: bad argument #1 to 'param' (declare the parameter 'n' before the recipe runs its first job (the -D values were checked then))"
        ),
    ])
    func aWrongDeclarationIsALuaErrorAtItsLine(source: String, message: String) async {
        #expect(headline(await runScript(source)) == message)
    }
}
