import ArgumentParser
import EnergyModel
import Simulation

/// `capsim validate FILE…`: reads each scenario and reports every problem at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files: syntax, keys, units, ranges, CSV series, targets and each year's dispatch model.",
        discussion: "Exit status 0 when every file is valid, 1 when any is not (or, with --provenance, when a number has neither source: nor assumption:).")

    @Argument(help: "Scenario files (YAML).")
    var files: [String]

    @OptionGroup var settings: ScenarioSettings

    @Flag(help: "List every number that has neither a source: nor an assumption: label.")
    var provenance = false

    func run() throws {
        var failed = false
        let overrides = try settings.overrides()
        let setPlaces = Set(overrides.map(\.location))
        for file in files {
            do {
                let scenario = try CapsimMain.loadScenario(file, overrides: overrides)
                try checkYears(of: scenario, file)
                // A value given with --set is the user's, not the file's: it carries no label.
                let unlabelled = scenario.numbers.filter { $0.provenance == nil && !setPlaces.contains($0.location) }
                Console.current.out(
                    "\(file): valid — \(scenario.name), \(scenario.baseYear)–\(scenario.endYear), "
                        + "\(Self.count(scenario.technologies.count, "technology", "technologies")), "
                        + "\(Self.count(scenario.targets.count, "target", "targets")), "
                        + "\(Self.count(scenario.numbers.count, "number", "numbers")) (\(unlabelled.count) without provenance)\n")
                // Problems, as a scenario's are: on standard error, in the order of the files
                // and lines, then their count (they went to standard output, by key path).
                if provenance, !unlabelled.isEmpty {
                    let ordered = unlabelled.sorted { ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column) }
                    for record in ordered {
                        Console.current.err("\(record.location): \(record.path): \(record.text) has neither source: nor assumption:\n")
                    }
                    Console.current.err("capsim: \(file): \(Self.count(unlabelled.count, "number", "numbers")) without provenance\n")
                    failed = true
                }
            } catch {
                failed = true
            }
        }
        if failed { throw CommandFailure(status: .invalidInput) }
    }

    /// "1 target", "2 targets".
    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// Builds every year's hourly series and dispatch model, as `run` does before it
    /// solves, so that what only a year shows — full-load hours a profile cannot give, an
    /// environmental flow the inflow cannot keep up with, storage that self-discharge
    /// empties — is found here too (storage aged by the calendar alone: no year is solved).
    /// Each key is reported once, for the first year it fails in; a year stops at its
    /// first problem, so a key that fails only beside another in every year shows once
    /// that one is fixed.
    private func checkYears(of scenario: Scenario, _ file: String) throws(CommandFailure) {
        let projection = Projection(scenario: scenario)
        let aging = projection.aging()
        var problems: [Diagnostic] = []
        for year in scenario.years {
            do {
                _ = try projection.model(year: year, aging: aging)
            } catch {
                problems += error.diagnostics.filter { problem in !problems.contains { $0.path == problem.path } }
            }
        }
        guard problems.isEmpty else { throw CapsimMain.report(ScenarioError(problems), of: file) }
    }
}
