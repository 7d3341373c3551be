import Accounting
import ArgumentParser
import EnergyModel
import Reports

/// `capsim capacity FILE`: installed capacity per technology and year, and the
/// scorecard of every capacity-type target. Needs no dispatch.
struct CapacityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: "Installed capacity by technology and year, and the capacity targets' scorecard.")

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @OptionGroup var settings: ScenarioSettings

    @Option(name: .long, help: "Also write the table and scorecard as JSON to this file; - prints it in place of the text.")
    var json: String?

    func run() throws {
        let overrides = try settings.overrides()
        let scenario = try CapsimMain.loadScenario(file, overrides: overrides)
        let set = overrides.map(\.setting)
        let toStandardOutput = json == OutputChecks.standardOutput
        let jsonFile = toStandardOutput ? nil : json
        try OutputChecks.output("--json", jsonFile, reading: file, scenario)
        let card = CapacityScorecard(scenario: scenario)
        if toStandardOutput {
            Console.current.out(String(decoding: try CapacityReport.json(card, scenario: scenario, settings: set), as: UTF8.self))
            return
        }
        if let jsonFile {
            do {
                try AtomicFile.write(try CapacityReport.json(card, scenario: scenario, settings: set), to: jsonFile)
            } catch {
                Console.current.err("capsim: \(error)\n")
                throw CommandFailure(status: .invalidInput)
            }
        }
        Console.current.out(CapacityReport.text(card, scenario: scenario, settings: set))
    }
}
