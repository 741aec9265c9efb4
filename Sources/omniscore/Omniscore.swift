import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `omniscore`: quality-assurance scoring of omnichannel support interactions against rubrics written as code.
///
/// Exit status: 0 success, 1 a check failed or regressed, 2 invalid input or usage.
@main
struct Omniscore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "omniscore",
        abstract: "Score every support interaction against rubrics written as XML, with evidence for every verdict.",
        discussion: "Exit status: 0 success, 1 a check failed or regressed, 2 invalid input or usage.",
        subcommands: [DemoCommand.self, ScoreCommand.self, RubricCommand.self, MigrateCommand.self, SamplesCommand.self, RunCommand.self, RescoreCommand.self, CoachCommand.self, OutboxCommand.self, ServeCommand.self, UsersCommand.self, BenchCommand.self]
    )

    /// Runs the command tree, mapping argument errors to exit status 2 (ArgumentParser's default is 64), so CI can
    /// tell a broken invocation or file from a failed check.
    static func main() async {
        // Line-buffered standard output also when redirected: the demo's sign-in tokens and a service's summaries
        // reach a log or a pipe as they are printed, not when the process ends. (Scorecards are written through
        // their own buffered file writer, not stdio.)
        setvbuf(Console.standardOutput, nil, _IOLBF, 0)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Glibc.exit(0)
            }
            if !message.isEmpty { Console.error(message) }
            Glibc.exit(code == .validationFailure ? ExitStatus.invalidInput : code.rawValue)
        }
    }
}

/// The exit statuses of every command.
enum ExitStatus {
    static let success: Int32 = 0
    /// A check found a regression or a value below its threshold.
    static let checkFailed: Int32 = 1
    /// Bad usage, an unreadable or invalid file, bad records in strict mode.
    static let invalidInput: Int32 = 2
}
