import ArgumentParser
import BenchCore
import Glibc

// Usage errors exit with status 2 (ArgumentParser's default is 64), as bench documents.
do {
    var command = try Bench.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    if Bench.exitCode(for: error) == .success { Bench.exit(withError: error) }  // --help, --version
    Console.error(Bench.fullMessage(for: error))
    exit(2)
}
