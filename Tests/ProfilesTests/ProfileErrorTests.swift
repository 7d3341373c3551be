import Foundation
import EnergyModel
import Testing
@testable import Profiles

@Suite struct ProfileErrorTests {
    @Test func fullLoadHoursAboveTheClearSkyResource() throws {
        let (scenario, path) = try Support.scenario(technologies: "  pv: {kind: solar_centralised, capacity: 1 GW, full_load_hours: 5000 h}")
        let problems = Support.problems(scenario)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("\(path):10:66: error: technologies.pv.full_load_hours: found 5000 full-load hours in 2025, expected at most ") == true)
        #expect(problems.first?.contains("under clear skies") == true)
    }

    @Test func windFullLoadHoursAboveTheHoursWithWind() throws {
        let (scenario, path) = try Support.scenario(technologies: "  w: {kind: wind, capacity: 1 GW, full_load_hours: 8700 h}")
        let problems = Support.problems(scenario)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("\(path):10:52: error: technologies.w.full_load_hours: found 8700 full-load hours in 2025") == true)
        #expect(problems.first?.contains("h: the hours with wind between cut-in and cut-out speed, each at full output") == true)
    }

    /// Run-of-river full-load hours are scaled by the year's inflow factor: the message
    /// shows the product and where it comes from, not a number the file does not hold.
    @Test func runOfRiverHoursTimesTheInflowFactor() throws {
        let (scenario, path) = try Support.scenario(technologies: "  r: {kind: run_of_river, capacity: 1 GW, full_load_hours: 5000 h}",
                                                    extra: "weather: {hydro_inflow_factor: 200 %}")
        let problems = Support.problems(scenario)
        #expect(problems.count == 1)
        #expect(problems == ["\(path):10:60: error: technologies.r.full_load_hours: found 5000 full-load hours × weather.hydro_inflow_factor 200 % = 10000 h "
                + "in 2025, expected at most 8760 h: every hour of the series with any output, at full output"])
    }

    @Test func yearOutsideTheScenario() throws {
        let (scenario, _) = try Support.scenario(technologies: "  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}")
        let problems = Support.problems(scenario, year: 2031)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("years: found the year 2031, expected a year from 2024 to 2026") == true)
    }

    /// Valid alone, impossible together: a peak under the average load is refused when the
    /// scenario loads, naming the year.
    @Test func peakBelowAverageLoad() throws {
        #expect(throws: ScenarioError.self) {
            _ = try Support.scenario(technologies: "  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}",
                                     demand: "{annual_energy: 20 TWh, peak: 2 GW}")
        }
    }

    /// An annual energy written in 千瓦时 where 亿千瓦时 was meant: refused when the scenario
    /// loads, for its load factor, with the highest peak shown with its significant digits
    /// (0.1 × 103.1 kWh ÷ 8 760 h = 0.000000117694 GW, rounded down), and the annual energy
    /// named as the other key that may be wrong.
    @Test func annualEnergyWrittenInTheWrongUnit() throws {
        do {
            _ = try Support.scenario(technologies: "  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}", demand: "{annual_energy: 103.1 千瓦时, peak: 2.14 GW}")
            Issue.record("a load factor of 5.5e-9 was accepted")
        } catch let error as ScenarioError {
            #expect(error.diagnostics.count == 1)
            #expect(error.description.contains("error: demand.peak: found a peak of 2.14 GW in 2024, a load factor of 0.00000055 % (annual energy ÷ 8760 h ÷ peak); "
                + "the load factor is below 10 % in 3 years, 2024 to 2026, expected at most 0.0000001176 GW with demand.annual_energy of 0.0001031 GWh in 2024: "
                + "a load factor of at least 10 % (a city's is 0.4–0.8), so either the peak is too high or the annual energy too low"), "\(error)")
        }
    }

    /// A reference load that is the same in every hour can only be met at a peak equal to
    /// the average; below that it is named as flat (a peak below the average is refused
    /// when the scenario loads).
    @Test func aFlatReferenceLoadIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-flat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("flat.csv")
        try ("load\n" + String(repeating: "1\n", count: 8760)).write(to: csv, atomically: true, encoding: .utf8)
        let technologies = "  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}"
        let (atAverage, _) = try Support.scenario(technologies: technologies, demand: "{annual_energy: 876 GWh, peak: 0.1 GW, hourly_csv: \(csv.path)}")
        #expect(Support.problems(atAverage).isEmpty)
        let (above, _) = try Support.scenario(technologies: technologies, demand: "{annual_energy: 876 GWh, peak: 0.2 GW, hourly_csv: \(csv.path)}")
        #expect(Support.problems(above).count == 1)
        #expect(Support.problems(above).first?.contains("demand.hourly_csv: found the same load in every hour, expected a reference load that varies") == true,
                "\(Support.problems(above))")
        // At the key's own line (it was line 1 of the scenario: the key holds no number).
        let line = try #require(above.location(ofKey: "demand.hourly_csv")).line
        #expect(line > 1 && Support.problems(above).first?.contains(":\(line):") == true, "\(Support.problems(above))")
    }

    @Test func weatherKeysAreCheckedWithTheirUnits() throws {
        #expect(throws: ScenarioError.self) {
            _ = try Support.scenario(technologies: "  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}",
                                     extra: "weather: {wind: {mean_speed: 7 GW}}")
        }
        let (scenario, _) = try Support.scenario(
            technologies: "  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h, power_curve: {cut_in: 10.8 km/h, rated: 11 m/s, cut_out: 20 m/s}}",
            extra: "weather: {seed: 3, wind: {mean_speed: 7.5 m/s, weibull_shape: 2.2, windiest_month: 12}, hydro: {flood_season: \"05-08\", flood_factor: 3}, solar: {mean_clearness: 45 %}}")
        #expect(scenario.weather.wind.meanSpeed == 7.5 && scenario.weather.wind.weibullShape == 2.2 && scenario.weather.wind.windiestMonth == 12)
        #expect(scenario.weather.hydro.floodSeason == 5...8 && scenario.weather.hydro.floodFactor == 3)
        #expect(scenario.weather.solar.meanClearness == 0.45)
        let curve = scenario.technology(id: "w")!.variableParameters!.powerCurve!
        #expect(abs(curve.cutIn - 3) < 1e-12 && curve.rated == 11 && curve.cutOut == 20)
    }

    @Test func powerCurveMustIncrease() throws {
        #expect(throws: ScenarioError.self) {
            _ = try Support.scenario(technologies: "  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h, power_curve: {cut_in: 12 m/s, rated: 11 m/s}}")
        }
    }
}
