import ArgumentParser
import EnergyModel
import Foundation
import Reports

/// capsim's exit statuses: 0 success, 1 invalid input (the scenario or a file it names),
/// 2 a usage error (unknown option, missing argument), 3 a target missed under `--check`
/// (a binding one under `--check-binding`) or a search not met,
/// 4 an LP with no optimal solution (`capsim lp solve`).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case invalidInput = 1
    case usage = 2
    case targetMissed = 3
    case noOptimum = 4
}

/// A failure a command reports as its exit status, after printing its own message.
struct CommandFailure: Error {
    var status: ExitStatus
}

/// What the executable (`Sources/capsim/main.swift`) calls around the command line's
/// parsing: signal handling, standard descriptors and the arguments; tests run the
/// commands without it.
public enum CapsimMain {
    /// For the executable: on SIGINT, SIGTERM or SIGHUP, output files being written leave no
    /// temporary file behind (`AtomicFile`); files already written stay whole.
    public static func removeTemporaryFilesOnInterrupt() {
        AtomicFile.removeTemporaryFilesOnInterrupt()
    }

    /// For the executable: descriptors 0–2 that were closed when capsim started are opened
    /// on /dev/null, so that no file capsim opens takes their number — with standard output
    /// closed, a sweep's folder lock became descriptor 1 and its summary went into `.lock` —
    /// and a write to a pipe with no reader fails instead of killing the process.
    public static func reserveStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            _ = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
        }
        // A pipe whose reader has gone (`capsim run … 2>&1 | head -3`) makes a write fail
        // with EPIPE, which `Console` takes like a full disk, instead of SIGPIPE killing
        // the run half way, with most of its years and files lost.
        signal(SIGPIPE, SIG_IGN)
    }

    /// For the executable: the command line's arguments (without the program name), or nil
    /// after saying which is not valid UTF-8. Swift decodes such an argument (a file name in
    /// another encoding) with its bytes replaced by U+FFFD: it would name another file, read
    /// as missing or, worse, written in its place.
    public static func commandLineArguments() -> [String]? {
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
            Console.current.err("capsim: argument \(index), \"\(String(cString: raw))\", is not valid UTF-8: capsim reads file names and options as UTF-8 "
                + "(a name in another encoding would name another file); rename the file\n")
            return nil
        }
        return Array(CommandLine.arguments.dropFirst())
    }

    /// Runs the command (`command(_:)`); when its output could not all be written to
    /// standard output, says so on standard error and fails with status 1 (the files it
    /// wrote are whole: each is written apart, atomically).
    public static func run(_ arguments: [String]) -> Int32 {
        let status = command(arguments)
        guard let failure = Console.current.outputFailure else { return status }
        Console.current.err("capsim: cannot write to standard output: \(failure)\n")
        return status == ExitStatus.success.rawValue ? ExitStatus.invalidInput.rawValue : status
    }

    /// The first long option other than `--set` written twice (`--seeds 1 --seeds 2`,
    /// `--json a.json --json=b.json`), before a `--` that ends the options: the argument
    /// parser keeps the last, so a seed, a year or an output asked for would be dropped
    /// without a word.
    static func repeatedOption(_ arguments: [String]) -> String? {
        var seen: Set<Substring> = []
        for argument in arguments.prefix(while: { $0 != "--" }) where argument.hasPrefix("--") && argument.count > 2 {
            let name = argument.prefix { $0 != "=" }
            guard name != "--set" else { continue }
            if !seen.insert(name).inserted { return String(name) }
        }
        return nil
    }

    /// Parses `arguments` (without the program name), runs the command and returns its
    /// exit status. Never traps on bad input: every failure becomes a message and a status.
    private static func command(_ arguments: [String]) -> Int32 {
        let console = Console.current
        if let unknown = unknownHelpTopic(arguments) ?? unknownCommand(arguments) {
            console.err("Error: '\(unknown.name)' is not a command of '\(unknown.parent)'\(unknown.suggestion)\n  See '\(unknown.parent) --help' for its commands.\n")
            return ExitStatus.usage.rawValue
        }
        if let repeated = repeatedOption(arguments) {
            console.err("Error: \(repeated) is given twice: give it once (only --set repeats); the parser would keep the last and drop the first\n")
            return ExitStatus.usage.rawValue
        }
        do {
            var command = try Capsim.parseAsRoot(arguments)
            try command.run()
            return ExitStatus.success.rawValue
        } catch let failure as CommandFailure {
            return failure.status.rawValue
        } catch {
            let code = Capsim.exitCode(for: error)
            let message = Capsim.fullMessage(for: error)
            if code == .success {
                console.out(message + "\n")
                return ExitStatus.success.rawValue
            }
            console.err(message + "\n")
            return ExitStatus.usage.rawValue
        }
    }

    /// For `capsim help A B …`, the first name that is not a subcommand of the command
    /// before it (with that command's path), or nil. argument-parser answers a help request for an unknown command with the
    /// root's help and exit status 0, so a typo in a script's `capsim help` line would pass.
    static func unknownHelpTopic(_ arguments: [String]) -> UnknownCommand? {
        guard arguments.first == "help" else { return nil }
        var command: any ParsableCommand.Type = Capsim.self, path = "capsim"
        for name in arguments.dropFirst() where !name.hasPrefix("-") {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == name }) else { return UnknownCommand(name, of: command, path) }
            (command, path) = (next, path + " " + name)
        }
        return nil
    }

    /// For `capsim rnu …` or `capsim lp solv …`, the name that is not a command of a
    /// command that only groups others, or nil. argument-parser said `2 unexpected
    /// arguments: 'rnu', 'x.yaml'`, naming neither the commands nor the one meant.
    static func unknownCommand(_ arguments: [String]) -> UnknownCommand? {
        var command: any ParsableCommand.Type = Capsim.self, path = "capsim"
        for name in arguments {
            guard !name.hasPrefix("-"), [ObjectIdentifier(Capsim.self), ObjectIdentifier(LPCommand.self)].contains(ObjectIdentifier(command)) else { return nil }
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == name }) else {
                return name == "help" ? nil : UnknownCommand(name, of: command, path)
            }
            (command, path) = (next, path + " " + name)
        }
        return nil
    }

    /// A name that is no command of `parent`, with the command it is nearest to.
    struct UnknownCommand {
        var name: String, parent: String, suggestion: String

        init(_ name: String, of command: any ParsableCommand.Type, _ parent: String) {
            self.name = name
            self.parent = parent
            let names = command.configuration.subcommands.map { $0._commandName }
            suggestion = Suggestion.closest(to: name, among: names).map { " (did you mean '\($0)'?)" } ?? ""
        }
    }

    /// Loads a scenario, printing every problem with its location on failure.
    static func loadScenario(_ path: String, overrides: [ScenarioOverride] = []) throws(CommandFailure) -> Scenario {
        do {
            return try overrides.isEmpty ? ScenarioLoader.load(path: path) : ScenarioLoader.load(path: path, overrides: overrides)
        } catch {
            let failure = report(error, of: path)
            // Problems the file's own lines show may come from a value set: list the values.
            let places = Set(overrides.map(\.location))
            if !overrides.isEmpty, !error.diagnostics.allSatisfy({ places.contains($0.location) }) {
                Console.current.err("capsim: the values set, which the problems above may come from: \(overrides.map { "\($0.setting) (--set)" }.joined(separator: ", "))\n")
            }
            throw failure
        }
    }

    /// Prints every problem of a scenario and their count; the failure to throw.
    static func report(_ error: ScenarioError, of path: String) -> CommandFailure {
        Console.current.err(error.description + "\n")
        Console.current.err("capsim: \(path): \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") found\n")
        return CommandFailure(status: .invalidInput)
    }
}

/// The root command: it only configures; each job is a subcommand.
struct Capsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capsim",
        abstract: "Energy-system capacity scenario simulator: capacities, dispatch and the plan's targets, year by year.",
        version: "0.1.0",
        subcommands: [RunCommand.self, SweepCommand.self, ValidateCommand.self, CapacityCommand.self, ProfilesCommand.self, LPCommand.self])
}
