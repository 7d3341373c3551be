import Foundation
import Testing
@testable import EnergyModel
@testable import Profiles

/// Scenario files written to a fresh temporary folder and loaded through the real decoder.
enum ScenarioFixture {
    /// Writes `text` as a scenario file and loads it.
    static func load(_ text: String) throws -> Scenario {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-dispatch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("scenario.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try ScenarioLoader.load(path: file.path)
    }

    /// The keys every scenario needs, then `technologies` (and whatever else `body` adds).
    static func scenario(_ body: String, years: String = "{base: 2020, end: 2021}") -> String {
        """
        name: fixture
        years: \(years)
        location: {latitude: 27 °N, longitude: 111 °E, utc_offset: 8 h}
        accounting: {method: calorific}
        demand: {annual_energy: 10 TWh, peak: 2 GW}
        non_power_fuels: {coal: 1 Mtce, oil: 1 Mtce, natural_gas: 1 亿立方米}
        costs: {value_of_lost_load: 20000 yuan/MWh}
        \(body)

        """
    }

    /// Profiles of `load.count` hours with the given load and no weather.
    static func profiles(year: Int, load: [Double]) -> YearProfiles {
        YearProfiles(calendar: ProfileCalendar(year: year, utcOffsetHours: 8), load: load, capacityFactors: [], inflows: [], availabilities: [])
    }

    /// The default scenario, or nil (with the reason recorded as a skip) when the clone has no Scenarios folder.
    static func shaoyang() throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try ScenarioLoader.load(path: root.appendingPathComponent("Scenarios/shaoyang.yaml").path)
    }
}

/// Expects |a − b| ≤ tolerance.
func expectNear(_ a: Double, _ b: Double, _ tolerance: Double, _ what: String = "", sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(abs(a - b) <= tolerance, "\(what): \(a) ≠ \(b) (± \(tolerance))", sourceLocation: sourceLocation)
}
