import BenchCore
import CLua

extension LuaStack {
    /// The parameter declared by the arguments of a `bench.param(name, {default=, help=,
    /// choices=, min=, max=})` call: its value is an integer, a float, a boolean, a string, or a
    /// list of numbers or strings.
    func parameter() throws(LuaCallError) -> RecipeParameter {
        let name = try checkString(1)
        var t = try LuaTableReader(self, at: 2, arg: 2)
        guard t.push("default") != LUA_TNIL else {
            bench_lua_pop(L, 1)
            throw .argument(2, "default: a number, boolean, string or list expected, got nil (the default gives the parameter its type)")
        }
        let defaultValue = try parameterValue(at: -1, arg: 2, label: "default")
        bench_lua_pop(L, 1)
        let help = try t.string("help")
        var choices: [ParameterValue]?
        if t.push("choices") != LUA_TNIL {
            guard case .list(let items) = try parameterValue(at: -1, arg: 2, label: "choices") else {
                bench_lua_pop(L, 1)
                throw .argument(2, "choices: a list expected, got \(typeName(at: -1))")
            }
            choices = items
        }
        bench_lua_pop(L, 1)
        let minimum = try t.finiteNumber("min")
        let maximum = try t.finiteNumber("max")
        try t.finish()
        do {
            return try RecipeParameter(name: name, defaultValue: defaultValue, help: help, choices: choices, minimum: minimum, maximum: maximum)
        } catch {
            throw .argument(1, error.description)
        }
    }

    /// The parameter value at `index`; a table must be a sequence of numbers or strings.
    func parameterValue(at index: Int32, arg: Int32, label: String, inList: Bool = false) throws(LuaCallError) -> ParameterValue {
        let t = lua_absindex(L, index)
        switch lua_type(L, t) {
        case LUA_TNUMBER:
            if let n = integer(at: t), lua_isinteger(L, t) != 0 { return .integer(n) }
            let x = number(at: t) ?? .nan
            guard x.isFinite else { throw .argument(arg, "\(label): a finite number expected, got \(x)") }
            return .number(x)
        case LUA_TBOOLEAN where !inList:
            return .boolean(lua_toboolean(L, t) != 0)
        case LUA_TSTRING:
            let bytes = self.bytes(at: t)!
            try refuseNUL(bytes, label, arg: arg)
            return .string(bytes)
        case LUA_TTABLE where !inList:
            let count = rawLength(t)
            try checkKeys(t, arg: arg, allowed: [], sequence: count, label: label)
            var items: [ParameterValue] = []
            for i in stride(from: 1, through: count, by: 1) {
                lua_rawgeti(L, t, lua_Integer(i))
                defer { bench_lua_pop(L, 1) }
                items.append(try parameterValue(at: -1, arg: arg, label: "\(label)[\(i)]", inList: true))
            }
            return .list(items)
        default:
            throw .argument(arg, "\(label): \(inList ? "a number or string" : "a number, boolean, string or list") expected, got \(typeName(at: t))")
        }
    }

    /// Pushes a parameter's value: a list as a sequence.
    func push(_ value: ParameterValue) {
        switch value {
        case .integer(let n): push(n)
        case .number(let x): push(x)
        case .boolean(let b): push(b)
        case .string(let s): push(s)
        case .list(let items):
            lua_createtable(L, Int32(clamping: items.count), 0)
            for (i, item) in items.enumerated() {
                push(item)
                setIndex(-2, i + 1)
            }
        }
    }
}
