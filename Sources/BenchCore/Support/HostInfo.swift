import Foundation
import Glibc

/// What a report says about the machine: results are only comparable on the same kind.
public struct HostInfo: Sendable, Equatable {
    /// The operating system ("Linux").
    public var os: String
    /// The kernel release ("6.1.0-13-amd64").
    public var kernel: String
    /// The CPU model name from /proc/cpuinfo, or "unknown".
    public var cpu: String
    /// The CPUs bench may use.
    public var cores: Int
    /// The machine's physical memory in bytes; 0 when unknown (a document from bench 0.2).
    public var memory: Int

    /// Creates a description.
    public init(os: String, kernel: String, cpu: String, cores: Int, memory: Int = 0) {
        self.os = os
        self.kernel = kernel
        self.cpu = cpu
        self.cores = cores
        self.memory = memory
    }

    /// This machine.
    public static func current() -> HostInfo {
        var name = utsname()
        uname(&name)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        return HostInfo(
            os: field(name.sysname), kernel: field(name.release), cpu: model, cores: Host.usableCores,
            memory: max(0, sysconf(Int32(_SC_PHYS_PAGES))) * max(0, sysconf(Int32(_SC_PAGESIZE))))
    }
}
