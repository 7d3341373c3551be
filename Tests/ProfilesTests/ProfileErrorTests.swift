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

    /// An annual energy written in 千瓦时 where 亿千瓦时 was meant: the highest peak its
    /// shape allows is shown with its significant digits (it read "at most 0 GW"), rounded
    /// down (103.1 kWh over the shape's 9 peak hours is 0.000011456 GW), and the message
    /// names the annual energy as the other key that may be wrong.
    @Test func annualEnergyTooSmallForThePeak() throws {
        let (scenario, path) = try Support.scenario(technologies: "  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}",
                                                    demand: "{annual_energy: 103.1 千瓦时, peak: 2.14 GW}")
        #expect(Support.problems(scenario) == ["\(path):5:42: error: demand.peak: found a peak of 2.14 GW in 2025, expected at most 0.00001145 GW with "
            + "demand.annual_energy of 0.0001031 GWh in 2025: the load shape's peak hours alone would use more than the year's energy, "
            + "so either the peak is too high or the annual energy too low"])
    }

    /// A peak written 100 times too high (286 GW for 286 万千瓦) would leave thousands of
    /// hours at zero load: refused, with the highest peak that deepens the shape's lowest
    /// hour at most a hundredfold.
    /// That peak itself is accepted, and 0.1 % above it is not.
    @Test func aPeakAHundredTimesTooHighIsRefused() throws {
        let technologies = "  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}"
        let (scenario, path) = try Support.scenario(technologies: technologies, demand: "{annual_energy: 138 亿千瓦时, peak: 286 GW}")
        let problems = Support.problems(scenario)
        let prefix = "error: demand.peak: found a peak of 286 GW in 2025, expected at most "
        #expect(problems.count == 1 && problems[0].hasPrefix("\(path):5:") && problems[0].contains(prefix), "\(problems)")
        #expect(problems.first?.contains("GW with demand.annual_energy of 13800 GWh in 2025: a load factor of 0.5508 % (energy ÷ 8760 h ÷ peak) "
            + "would raise the load shape to the power") == true, "\(problems)")
        let message = try #require(problems.first), start = try #require(message.range(of: prefix)).upperBound
        let highest = try #require(Double(message[start...].prefix { $0 != " " }))
        #expect(highest > 6 && highest < 12, "a load factor near 0.17")
        let (allowed, _) = try Support.scenario(technologies: technologies, demand: "{annual_energy: 138 亿千瓦时, peak: \(highest) GW}")
        #expect(Support.problems(allowed).isEmpty)
        let (above, _) = try Support.scenario(technologies: technologies, demand: "{annual_energy: 138 亿千瓦时, peak: \(highest * 1.001) GW}")
        #expect(Support.problems(above).count == 1)
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
