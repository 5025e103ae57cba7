import ArgumentParser
import BenchCore
import Glibc

// Before any other thread exists: SIGINT, SIGTERM and SIGHUP become a cancellation that kills
// every child, removes temporary files and writes what was measured; a second one ends at once.
let cancellation = Cancellation()
SignalWatcher.start(cancelling: cancellation) { signal in
    Console.error("bench: \(SignalName.name(of: signal)) again: stopping at once")
    cancellation.removeTemporaries()
    _exit(128 + signal)
}
// Many concurrent children need up to six descriptors each.
Host.raiseOpenFileLimit()

// Usage errors exit with status 2 (ArgumentParser's default is 64), as bench documents.
do {
    var command = try Bench.parseAsRoot()
    if let cancellable = command as? CancellableCommand {
        try cancellable.run(cancellation: cancellation)
    } else {
        try command.run()
    }
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    if Bench.exitCode(for: error) == .success { Bench.exit(withError: error) }  // --help, --version
    Console.error(Bench.fullMessage(for: error))
    exit(2)
}
