import Accounting
import ArgumentParser
import EnergyModel
import Foundation
import Profiles
import Reports
import Simulation

/// `capsim run FILE`: capsim's main job. Every year's optimal hourly dispatch, counted the
/// way the statistics bureau counts, and the scorecard of every target: a summary on the
/// terminal, and on request JSON, CSV and hourly CSV. Exit 0, or 3 with `--check` when a
/// target is missed, 1 for bad input, 2 for bad usage, 4 when a year's LP has no optimum.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Project every year: optimal hourly dispatch, energy accounting and the target scorecard.",
        discussion: """
            Years run in order (a battery ages with the cycles of the years before). With --csv, \
            annual.csv is rewritten after each year and hourly-YEAR.csv written as each year is done, \
            so an interrupted run keeps what it finished; targets.csv and the JSON are written at the end. \
            Exit status: 0; 3 with --check when a target is missed; 1 bad input; 2 bad usage; 4 no optimum.
            """)

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @Option(help: "Years to run: A...B, A-B or one year, within the scenario's (default: all).")
    var years: String?

    @Option(help: "Write the results as JSON (schema capsim.run/1, docs/json.md) to this file.")
    var json: String?

    @Option(help: "Write annual.csv and targets.csv (and with --hourly, hourly-YEAR.csv) to this folder.")
    var csv: String?

    @Flag(help: "With --csv: one hourly-YEAR.csv per year (every flow, level and price, one row per hour).")
    var hourly = false

    @Flag(help: "Exit with status 3 when any target is missed.")
    var check = false

    @Option(help: "Weather seed (default: the scenario's weather.seed).")
    var seed: UInt64?

    func run() throws {
        let scenario = try CapsimMain.loadScenario(file)
        let range = try chosenYears(scenario)
        if hourly, csv == nil {
            Console.current.err("capsim: --hourly needs --csv DIR, the folder to write hourly-YEAR.csv to\n")
            throw CommandFailure(status: .usage)
        }
        if let csv { try makeFolder(csv) }
        let projection = Projection(scenario: scenario, seed: seed)
        var outcomes: [YearOutcome] = []
        do {
            _ = try projection.run(years: range) { projected in
                let outcome = YearOutcome(conditions: projected.conditions, solver: projected.dispatch.solver,
                                          account: YearAccount(energy: projected.energy, scenario: scenario))
                outcomes.append(outcome)
                Console.current.err("capsim: \(outcome.year) done: \(outcome.solver.iterations) iterations, " +
                    "\(String(format: "%.2f", outcome.solver.seconds)) s, non-fossil share \(String(format: "%.2f", 100 * outcome.account.nonFossilShare)) %\n")
                guard let csv else { return }
                if hourly {
                    try write(HourlyTable.csv(projected.dispatch, calendar: ProfileCalendar(year: projected.year, utcOffsetHours: scenario.location.utcOffsetHours)), to: csv, "hourly-\(projected.year).csv")
                }
                try write(AnnualTable.csv(outcomes, scenario: scenario), to: csv, "annual.csv")
            }
        } catch let error as ProjectionError {
            Console.current.err(error.description + "\n")
            throw CommandFailure(status: error.exitStatus)
        } catch let error as AtomicFile.WriteError {
            Console.current.err("capsim: \(error)\n")
            throw CommandFailure(status: .invalidInput)
        }
        let outcome = ProjectionOutcome(scenario: scenario, seed: projection.generator.seed, years: outcomes,
                                        scorecard: Scorecard(scenario: scenario, accounts: outcomes.map(\.account)))
        do {
            if let csv { try write(TargetsTable.csv(outcome.scorecard), to: csv, "targets.csv") }
            if let json { try AtomicFile.write(try ProjectionJSON.data(outcome), to: json) }
        } catch let error as AtomicFile.WriteError {
            Console.current.err("capsim: \(error)\n")
            throw CommandFailure(status: .invalidInput)
        }
        Console.current.out(ProjectionSummary.text(outcome))
        if check, outcome.scorecard.entries.contains(where: { $0.evaluation?.status == .missed }) {
            throw CommandFailure(status: .targetMissed)
        }
    }

    /// `--years` as a range within the scenario's years.
    private func chosenYears(_ scenario: Scenario) throws(CommandFailure) -> ClosedRange<Int> {
        guard let years else { return scenario.years }
        let parts = years.replacingOccurrences(of: "...", with: "-").split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let bounds: (Int, Int)? = switch parts.count {
        case 1: parts[0].map { ($0, $0) }
        case 2: parts[0].flatMap { a in parts[1].map { (a, $0) } }
        default: nil
        }
        guard let (first, last) = bounds, first <= last, scenario.years.contains(first), scenario.years.contains(last) else {
            Console.current.err("capsim: --years \(years): expected A...B, A-B or one year within the scenario's years \(scenario.baseYear)–\(scenario.endYear)\n")
            throw CommandFailure(status: .usage)
        }
        return first...last
    }

    private func makeFolder(_ path: String) throws(CommandFailure) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            Console.current.err("capsim: cannot create the folder \(path): \(error.localizedDescription)\n")
            throw CommandFailure(status: .invalidInput)
        }
    }

    private func write(_ text: String, to folder: String, _ name: String) throws(AtomicFile.WriteError) {
        try AtomicFile.write(Data(text.utf8), to: (folder as NSString).appendingPathComponent(name))
    }
}
