import ArgumentParser
import EnergyModel

/// `capsim validate FILE…`: reads each scenario and reports every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files: syntax, keys, units, ranges, CSV series and targets.",
        discussion: "Exit status 0 when every file is valid, 1 when any is not (or, with --provenance, when a number has neither source: nor assumption:).")

    @Argument(help: "Scenario files (YAML).")
    var files: [String]

    @Flag(help: "List every number that has neither a source: nor an assumption: label.")
    var provenance = false

    func run() throws {
        var failed = false
        for file in files {
            do {
                let scenario = try CapsimMain.loadScenario(file)
                let unlabelled = scenario.numbers.filter { $0.provenance == nil }
                Console.current.out(
                    "\(file): valid — \(scenario.name), \(scenario.baseYear)–\(scenario.endYear), "
                        + "\(scenario.technologies.count) technologies, \(scenario.targets.count) targets, "
                        + "\(scenario.numbers.count) numbers (\(unlabelled.count) without provenance)\n")
                if provenance {
                    for record in unlabelled {
                        Console.current.out("\(record.location): \(record.path): \(record.text) has neither source: nor assumption:\n")
                    }
                    failed = failed || !unlabelled.isEmpty
                }
            } catch {
                failed = true
            }
        }
        if failed { throw CommandFailure(status: .invalidInput) }
    }
}
