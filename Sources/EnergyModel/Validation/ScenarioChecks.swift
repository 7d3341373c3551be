import Foundation

/// Checks that span several keys, run once the scenario has been decoded: levels that
/// must be ordered, a peak that the year's energy allows, units whose parameters
/// contradict each other. Each problem names the key to change and is reported where
/// that key was written (else at the technology or the file).
enum ScenarioChecks {
    static func run(_ scenario: Scenario, _ decoder: Decoder) {
        let fileLocation = SourceLocation(file: scenario.file, line: 1, column: 1)
        for year in scenario.years {
            let energy = scenario.demand.annualEnergy.value(in: year), peak = scenario.demand.peak.value(in: year)
            let average = energy / Double(HourlySeries.hoursPerYear)
            if peak < average {
                decoder.fail(at: location(of: "demand.peak", scenario) ?? fileLocation, "demand.peak",
                             found: "a peak of \(format(peak)) GW in \(year)",
                             expected: "a peak at least the average load \(format(average)) GW (annual energy ÷ 8760 h)")
            }
        }
        for technology in scenario.technologies {
            let path = "technologies.\(technology.id)"
            let at = location(of: path, scenario) ?? fileLocation
            switch technology.parameters {
            case let .reservoir(r):
                if !(r.minimumLevel <= r.initialLevel && r.initialLevel <= r.maximumLevel) {
                    decoder.fail(at: location(of: "\(path).minimum_level", scenario) ?? at, "\(path).minimum_level",
                                 found: "minimum \(percent(r.minimumLevel)), initial \(percent(r.initialLevel)), maximum \(percent(r.maximumLevel))",
                                 expected: "minimum_level ≤ initial_level ≤ maximum_level")
                }
            case let .storage(s):
                if !(s.minimumStateOfCharge <= s.initialStateOfCharge && s.initialStateOfCharge <= s.maximumStateOfCharge) {
                    decoder.fail(at: location(of: "\(path).minimum_soc", scenario) ?? at, "\(path).minimum_soc",
                                 found: "minimum \(percent(s.minimumStateOfCharge)), initial \(percent(s.initialStateOfCharge)), maximum \(percent(s.maximumStateOfCharge))",
                                 expected: "minimum_soc ≤ initial_soc ≤ maximum_soc")
                }
            case let .thermal(t):
                if t.minimumStableFraction > 1 - t.availability.forcedOutageRate + 1e-12 {
                    decoder.fail(at: location(of: "\(path).minimum_stable_load", scenario) ?? at, "\(path).minimum_stable_load",
                                 found: "\(percent(t.minimumStableFraction)) with a forced outage rate of \(percent(t.availability.forcedOutageRate))",
                                 expected: "a minimum stable load the available capacity can run at")
                }
            case .bioenergy, .variable: break
            }
        }
    }

    private static func location(of path: String, _ scenario: Scenario) -> SourceLocation? {
        scenario.location(ofKey: path)
    }

    private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
    private static func percent(_ value: Double) -> String { String(format: "%g %%", value * 100) }
}

