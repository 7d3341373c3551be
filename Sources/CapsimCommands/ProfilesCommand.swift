import ArgumentParser
import EnergyModel
import Foundation
import Profiles
import Reports

/// `capsim profiles FILE --year Y [--seed S] --out profiles.csv`: the hourly series
/// dispatch would use for one year, as CSV, with a summary of their annual figures.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "Hourly load, solar, wind, hydro inflow and availability series of one year, as CSV.",
        discussion: """
            Columns: hour (0–8759), time (ISO 8601 local time with offset), load_gw, solar_cf, wind_cf \
            (and solar_cf.<id>, wind_cf.<id> when a kind has several technologies), inflow_gw.<station>, \
            availability.<unit>. 29 February is dropped: every year has 8760 hours.
            """)

    @Argument(help: "Scenario file (YAML).")
    var file: String

    @OptionGroup var settings: ScenarioSettings

    @Option(parsing: .unconditional, help: "The year, within the scenario's years.")
    var year: Int

    @Option(parsing: .unconditional, help: WeatherSeed.help, transform: WeatherSeed.parse)
    var seed: UInt64?

    @Option(help: "CSV file to write (written whole or not at all); without it, the CSV goes to standard output.")
    var out: String?

    func run() throws {
        let scenario = try settings.scenario(file)
        guard scenario.years.contains(year) else {
            Console.current.err("capsim: --year \(year) is outside the scenario's years \(scenario.baseYear)–\(scenario.endYear) (\(file))\n")
            throw CommandFailure(status: .usage)
        }
        try OutputChecks.output("--out", out, reading: file, scenario)
        let generator = ProfileGenerator(scenario: scenario, seed: seed)
        let profiles: YearProfiles
        do {
            profiles = try generator.profiles(for: year)
        } catch {
            Console.current.err(error.description + "\n")
            throw CommandFailure(status: .invalidInput)
        }
        let csv = ProfilesTable.csv(profiles, scenario: scenario)
        guard let out else {
            Console.current.out(csv)
            return
        }
        do {
            try AtomicFile.write(Data(csv.utf8), to: out)
        } catch {
            Console.current.err("capsim: \(error)\n")
            throw CommandFailure(status: .invalidInput)
        }
        Console.current.out(ProfilesTable.summary(profiles, scenario: scenario, seed: generator.seed) + "\nwrote \(out)\n")
    }
}
