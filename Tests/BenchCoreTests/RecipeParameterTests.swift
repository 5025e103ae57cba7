import BenchCore
import Testing

@Suite("Recipe parameters")
struct RecipeParameterTests {
    static func parameter(_ name: String, _ value: ParameterValue, choices: [ParameterValue]? = nil, min: Double? = nil, max: Double? = nil) throws
        -> RecipeParameter
    {
        try RecipeParameter(name: name, defaultValue: value, choices: choices, minimum: min, maximum: max)
    }

    @Test func aValueIsParsedAsItsDefaultsKind() throws {
        #expect(try Self.parameter("n", .integer(1)).parse("42") == .integer(42))
        #expect(try Self.parameter("x", .number(0.5)).parse("2") == .number(2))
        #expect(try Self.parameter("b", .boolean(false)).parse("yes") == .boolean(true))
        #expect(try Self.parameter("b", .boolean(true)).parse("off") == .boolean(false))
        #expect(try Self.parameter("s", .string("a")).parse("a,b") == .string("a,b"))
        #expect(try Self.parameter("l", .list([.string("gcc")])).parse("gcc,clang") == .list([.string("gcc"), .string("clang")]))
        #expect(try Self.parameter("l", .list([.integer(1)])).parse("1,2,4") == .list([.integer(1), .integer(2), .integer(4)]))
        #expect(try Self.parameter("l", .list([])).parse("") == .list([]))
        #expect(try Self.parameter("l", .list([])).parse("a") == .list([.string("a")]))
    }

    @Test(arguments: [
        (ParameterValue.integer(1), "abc", "'abc' is not an integer"),
        (.integer(1), "2.5", "'2.5' is not an integer"),
        (.integer(1), "99999999999999999999", "'99999999999999999999' is not an integer"),
        (.number(1), "nan", "'nan' is not a finite number"),
        (.number(1), "1e999", "'1e999' is not a finite number"),
        (.boolean(true), "maybe", "'maybe' is not a boolean (true or false)"),
        (.list([.integer(1)]), "1,x", "'x' is not an integer"),
    ])
    func aWrongValueSaysWhatItShouldBe(value: ParameterValue, text: String, message: String) throws {
        #expect(throws: BenchError.invalidValue(message)) { try Self.parameter("p", value).parse(ByteString(text)) }
    }

    @Test func choicesAndBoundsAreKept() throws {
        let levels = try Self.parameter("levels", .list([.string("-O0")]), choices: [.string("-O0"), .string("-O2")])
        #expect(try levels.parse("-O2,-O0") == .list([.string("-O2"), .string("-O0")]))
        #expect(throws: BenchError.invalidValue("'-O9' (in '-O2,-O9') is not one of the choices: -O0, -O2")) { try levels.parse("-O2,-O9") }
        // Issue 25, item 22: the item at fault is named, not the whole list.
        let jobs = try Self.parameter("levels", .list([.integer(1)]), min: 1)
        #expect(throws: BenchError.invalidValue("'0' (in '2,0') is below the least allowed, 1")) { try jobs.parse("2,0") }
        let count = try Self.parameter("count", .integer(10), min: 1, max: 100)
        #expect(throws: BenchError.invalidValue("'0' is below the least allowed, 1")) { try count.parse("0") }
        #expect(throws: BenchError.invalidValue("'101' is above the most allowed, 100")) { try count.parse("101") }
        #expect(count.range == "from 1 to 100")
    }

    @Test func aWrongDeclarationIsRefused() {
        #expect(throws: BenchError.self) { try Self.parameter("1st", .integer(1)) }
        #expect(throws: BenchError.self) { try Self.parameter("a=b", .integer(1)) }
        #expect(throws: BenchError.self) { try Self.parameter("mixed", .list([.integer(1), .string("x")])) }
        #expect(throws: BenchError.self) { try Self.parameter("c", .string("z"), choices: [.string("a")]) }  // the default is not a choice
        #expect(throws: BenchError.self) { try Self.parameter("c", .string("a"), choices: [.integer(1)]) }
        #expect(throws: BenchError.self) { try Self.parameter("s", .string("a"), min: 1) }
        #expect(throws: BenchError.self) { try Self.parameter("n", .integer(5), min: 9, max: 1) }
        #expect(throws: BenchError.self) { try Self.parameter("n", .integer(0), min: 1) }
    }

    @Test func definitionsAreJudgedTogetherOnceTheRecipeHasDeclaredItsParameters() throws {
        var set = RecipeParameters(
            recipe: "fortran",
            definitions: [
                ParameterDefinition(name: "repeats", value: "abc"), ParameterDefinition(name: "nosuch", value: "1"),
                ParameterDefinition(name: "compilers", value: "gcc"), ParameterDefinition(name: "compilers", value: "gfortran,flang"),
            ])
        #expect(try set.declare(Self.parameter("repeats", .integer(1))) == .integer(1))  // the default, until the check
        #expect(try set.declare(Self.parameter("compilers", .list([.string("gfortran")]))) == .list([.string("gfortran"), .string("flang")]))
        #expect(set.settings.map(\.name) == ["repeats", "compilers"])
        do {
            try set.check()
            Issue.record("the check passed")
        } catch {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines[0] == "-D repeats=abc: repeats is an integer: 'abc' is not an integer")
            #expect(lines[1] == "-D nosuch=1: fortran has no parameter 'nosuch'")
            #expect(lines[2] == "fortran's parameters (-D name=value):")
            #expect(lines[3].hasPrefix("  repeats    integer          default 1"))
            #expect(lines[4].hasPrefix("  compilers  list of strings  default gfortran"))
        }
        #expect(throws: BenchError.self) { _ = try set.declare(Self.parameter("late", .integer(1))) }
        var twice = RecipeParameters(recipe: "r", definitions: [])
        _ = try twice.declare(Self.parameter("n", .integer(1)))
        #expect(throws: BenchError.invalidValue("the parameter 'n' is declared twice")) { _ = try twice.declare(Self.parameter("n", .integer(2))) }
        try twice.check()
    }

    @Test func aDefinitionNeedsANameAndAnEqualsSign() throws {
        #expect(try ParameterDefinition(parsing: "levels=-O0,-O2=x") == ParameterDefinition(name: "levels", value: "-O0,-O2=x"))
        #expect(try ParameterDefinition(parsing: "empty=") == ParameterDefinition(name: "empty", value: ""))
        #expect(throws: BenchError.invalidValue("-D repeats: give a parameter as -D name=value")) { try ParameterDefinition(parsing: "repeats") }
        #expect(throws: BenchError.self) { try ParameterDefinition(parsing: "=3") }
    }
}
