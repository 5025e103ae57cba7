import ArgumentParser
import BenchCore
import Glibc

extension Bench {
    /// `bench record -- ./configure`: runs a configure step with its compilers recorded.
    struct Record: ParsableCommand, CancellableCommand {
        static let ownsARun = true
        static let configuration = CommandConfiguration(
            abstract: "Run a configure step with its compilers recorded: bench record -- ./configure.",
            discussion: """
                The command runs as it would without bench (its output on the terminal, its files where it \
                writes them), with shims for cc, gcc, g++, c++, clang, clang++, gfortran, f95, f90, f77 and whatever CC, CXX and \
                FC name, first on PATH and in CC, CXX and FC. Each shim runs the real compiler, returns exactly \
                what it returned, and records the invocation: its arguments, directory, environment, input files, \
                times, exit status and output. bench exits with the command's own status. \
                Replay the recording with every strategy: bench run replay -D recording=FILE. See docs/recording.md.
                """
        )

        @Option(name: [.short, .long], help: ArgumentHelp("Where the recording goes.", valueName: "file"))
        var output = "bench-recording.json"

        @Argument(parsing: .postTerminator, help: ArgumentHelp("The command to record, after --.", valueName: "command"))
        var command: [String] = []

        func validate() throws {
            if words.isEmpty { throw ValidationError("give the command to record after --: bench record -- ./configure") }
        }

        /// The command's words, byte for byte.
        private var words: [ByteString] { command.map(ArgumentBytes.bytes) }

        func run(cancellation: Cancellation, cleanup: Cleanup?) throws {
            let status: Int32
            do {
                status = try record(cancellation: cancellation, cleanup: cleanup)
            } catch {
                Console.error("bench: error: \(error)")
                throw ExitCode(2)
            }
            if status != 0 { throw ExitCode(status) }
        }

        private func record(cancellation: Cancellation, cleanup: Cleanup?) throws(BenchError) -> Int32 {
            let destination = try OutputFile(ArgumentBytes.bytes(output), option: "--output")
            guard let package = RecipeLocation.packageFolder() else {
                throw .programNotFound(
                    "bench record compiles its shim from Sources/BenchShim of the package bench was built in, and none is above \(TerminalText.line(executablePath()))"
                )
            }
            let environment = Recorder.environment()
            let shim = try ShimBuild.shim(from: package + "/Sources/BenchShim", environment: environment)
            let shims = try ShimFolder.prepare(shim: shim, environment: environment)
            let folder: TempDirectory
            if let cleanup {
                folder = try cleanup.creating({ () throws(BenchError) in try TempDirectory() }, path: \.path)
            } else {
                folder = try TempDirectory()
            }
            defer {
                folder.remove()
                cleanup?.forget(folder.path)
            }
            let recording = try Recorder.record(words, shims: shims, folder: folder.path, cancellation: cancellation, bench: Bench.version)
            if let signal = cancellation.signal, let status = cancellation.exitStatus {
                // Half a configure step would replay as if it were the whole.
                Console.error("bench: interrupted by \(SignalName.name(of: signal)); the command was stopped and nothing recorded")
                return status
            }
            try destination.write(ByteString(recording.json.serialized() + "\n"), cleanup: cleanup)
            Console.error(summary(recording))
            if recording.lost > 0 {
                Console.error(
                    "bench: warning: \(recording.lost) compiler invocation\(recording.lost == 1 ? "'s record was" : "s' records were") cut short or damaged (a full disk?): the recording lacks \(recording.lost == 1 ? "it" : "them")"
                )
            }
            if let signal = recording.signal { return 128 + Int32(signal) }
            return Int32(recording.exit ?? 1)
        }

        private func summary(_ recording: Recording) -> String {
            let count = recording.invocations.count
            let share = recording.wall > 0 ? Int((recording.compilerTime / recording.wall * 100).rounded()) : 0
            let file = TerminalText.line(ArgumentBytes.bytes(output))
            return "bench: recorded \(count) compiler invocation\(count == 1 ? "" : "s") in \(formatSeconds(recording.wall)) "
                + "(compilers ran \(formatSeconds(recording.compilerTime)) of it, \(share) %) into \(file); "
                + "replay them: bench run replay -D recording=\(file)"
        }
    }
}
