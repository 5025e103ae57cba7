/// Reads fields of a JSON value, with errors that name the field's path (`measurements[0].runs[2].strategy`).
struct JSONReader {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    func error(_ field: String, _ expected: String, got: String? = nil) -> BenchError {
        .invalidValue("field '\(join(field))': \(expected) expected" + (got.map { ", got \($0)" } ?? ""))
    }

    private func join(_ field: String) -> String { path.isEmpty ? field : path + "." + field }

    func field(_ name: String) throws(BenchError) -> JSONValue {
        guard case .object = value else { throw .invalidValue("'\(path)': object expected") }
        guard let v = value[name] else { throw .invalidValue("field '\(join(name))' is missing") }
        return v
    }

    /// True when the object has the field (even as null): for fields later versions added.
    func has(_ name: String) -> Bool { value[name] != nil }

    /// The object's fields in order, each as a reader.
    func fields() throws(BenchError) -> [(String, JSONReader)] {
        guard case .object(let pairs) = value else { throw .invalidValue("'\(path)': object expected") }
        return pairs.map { ($0, JSONReader($1, path: join($0))) }
    }

    func object(_ name: String) throws(BenchError) -> JSONReader {
        let v = try field(name)
        guard case .object = v else { throw error(name, "object") }
        return JSONReader(v, path: join(name))
    }

    func array(_ name: String) throws(BenchError) -> [JSONReader] {
        guard case .array(let items) = try field(name) else { throw error(name, "list") }
        return items.enumerated().map { JSONReader($1, path: join(name) + "[\($0)]") }
    }

    func string(_ name: String) throws(BenchError) -> String {
        guard case .string(let s) = try field(name) else { throw error(name, "string") }
        return s
    }

    func optionalString(_ name: String) throws(BenchError) -> String? {
        switch try field(name) {
        case .null: return nil
        case .string(let s): return s
        default: throw error(name, "string or null")
        }
    }

    func int(_ name: String) throws(BenchError) -> Int {
        guard case .int(let i) = try field(name) else { throw error(name, "whole number") }
        return i
    }

    /// A whole number within `range`, which a report can compute with without overflowing.
    func int(_ name: String, in range: ClosedRange<Int>) throws(BenchError) -> Int {
        let i = try int(name)
        guard range.contains(i) else { throw error(name, "a whole number from \(range.lowerBound) to \(range.upperBound)", got: "\(i)") }
        return i
    }

    /// A number within `range`, or nil for null.
    func optionalNumber(_ name: String, in range: ClosedRange<Double>) throws(BenchError) -> Double? {
        if case .null = try field(name) { return nil }
        return try number(name, in: range)
    }

    /// A number within `range`.
    func number(_ name: String, in range: ClosedRange<Double>) throws(BenchError) -> Double {
        try JSONReader(try field(name), path: join(name)).numberValue(in: range)
    }

    /// This value as a number within `range`.
    func numberValue(in range: ClosedRange<Double>) throws(BenchError) -> Double {
        let d = try numberValue()
        guard range.contains(d) else {
            throw .invalidValue("field '\(path)': a number from \(range.lowerBound) to \(range.upperBound) expected, got \(d)")
        }
        return d
    }

    func bool(_ name: String) throws(BenchError) -> Bool {
        guard case .bool(let b) = try field(name) else { throw error(name, "true or false") }
        return b
    }

    func number(_ name: String) throws(BenchError) -> Double {
        try JSONReader(try field(name), path: join(name)).numberValue()
    }

    func optionalNumber(_ name: String) throws(BenchError) -> Double? {
        if case .null = try field(name) { return nil }
        return try number(name)
    }

    func numberValue() throws(BenchError) -> Double {
        switch value {
        case .number(let d): return d
        case .int(let i): return Double(i)
        default: throw .invalidValue("'\(path)': number expected")
        }
    }

    func stringValue() throws(BenchError) -> String {
        guard case .string(let s) = value else { throw .invalidValue("'\(path)': string expected") }
        return s
    }
}
