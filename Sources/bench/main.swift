import ArgumentParser
import BenchCore
import Glibc

// Usage errors exit with status 2 (ArgumentParser's default is 64), as bench documents; --help
// and --version exit 0.
func fail(_ error: any Error) -> Never {
    if Bench.exitCode(for: error) == .success { Bench.exit(withError: error) }
    Console.error(Bench.fullMessage(for: error))
    exit(2)
}

func fail(_ message: String) -> Never {
    Console.error(message)
    exit(2)
}

// First of all, before ArgumentParser's parse (0.1 to 0.3 s in a debug build): SIGINT, SIGTERM
// and SIGHUP wait, blocked, for the signal watcher started below. A Ctrl-C during the parse was
// lost when bench had inherited SIGINT ignored (a background job of a shell script).
let inheritedMask = SignalWatcher.block()

// A file size limit (`ulimit -f`) then makes a write fail with EFBIG, reported as any write
// error is, instead of killing bench by SIGXFSZ beside a half-written temporary file. Children
// get the default disposition back (the spawn layer resets every signal).
signal(SIGXFSZ, SIG_IGN)

// Too few descriptors to start the event loop and the signal watcher is a usage error, said
// before anything that needs one starts.
if let problem = Host.openFileLimitProblem() { fail("bench: error: \(problem)") }

// A `processes` pool starts a worker per slot for every batch: parsing its two words through
// ArgumentParser, which builds every subcommand's options first, was a third of its start-up.
let isWorker = CommandLine.arguments.dropFirst() == ["worker"]
let cancellable: CancellableCommand
if isWorker {
    cancellable = Bench.Worker()
} else {
    let command: ParsableCommand
    do {
        let arguments = Bench.Time.joiningParameters(ArgumentBytes.escapedArguments())
        command = try Bench.parseAsRoot(OutputOptions.joiningExports(ParameterOptions.separatingJoined(arguments)))
    } catch {
        fail(error)
    }
    guard let found = command as? CancellableCommand else {
        // Nothing watches signals for it: they act as they would have without `block`.
        SignalWatcher.unblock(restoring: inheritedMask)
        do { var plain = command; try plain.run() } catch let code as ExitCode { exit(code.rawValue) } catch { fail(error) }
        exit(0)
    }
    cancellable = found
}

// Before any other thread exists: a run marks every process it will start and becomes their
// subreaper; SIGINT, SIGTERM, SIGHUP and a closed stdout become a cancellation that kills every
// child, removes temporary files and writes what was measured. A second signal, or a run that
// does not end within the grace period, stops at once, killing and removing everything. A
// worker's parent decides when the worker dies, not a second signal: a hangup or a `pkill`
// that reached the worker too is followed by its parent's SIGTERM.
let cleanup = type(of: cancellable).ownsARun ? Cleanup() : nil
let cancellation = Cancellation()
do {
    try SignalWatcher.start(cancelling: cancellation, watchingOutput: cleanup != nil, secondSignalStops: !isWorker) { signal, late in
        Console.error(
            late
                ? "bench: still running \(Int(SignalWatcher.grace)) s after \(SignalName.name(of: signal)): stopping at once"
                : "bench: \(SignalName.name(of: signal)) again: stopping at once")
        cleanup?.stopNow(status: 128 + signal)
        _exit(128 + signal)
    }
} catch {
    fail("bench: error: \(error)")
}
// Many concurrent children need up to `Host.descriptorsPerSlot` descriptors each.
Host.raiseOpenFileLimit()
cleanup?.startGuardian([executablePath(), "guard"])

var status: Int32 = 0
do {
    try cancellable.run(cancellation: cancellation, cleanup: cleanup)
} catch let code as ExitCode {
    status = code.rawValue
} catch {
    Console.error(Bench.fullMessage(for: error))
    status = 2
}
cleanup?.finish()
exit(status)
