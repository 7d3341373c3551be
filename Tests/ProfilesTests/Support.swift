import EnergyModel
import Foundation
import Testing
@testable import Profiles

/// Scenarios for the profile tests: the shipped ones, and small ones written to a
/// temporary folder so that an error's line number is the one the test wrote.
enum Support {
    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")

    static func shipped(_ name: String = "shaoyang.yaml") throws -> Scenario {
        try ScenarioLoader.load(path: scenarios.appendingPathComponent(name).path)
    }

    static func profiles(_ name: String = "shaoyang.yaml", year: Int = 2025, seed: UInt64? = nil) throws -> YearProfiles {
        try ProfileGenerator(scenario: shipped(name), seed: seed).profiles(for: year)
    }

    /// A scenario whose `technologies:` key is on line 9, so the first technology is on line 10.
    static func scenario(technologies: String, demand: String = "{annual_energy: 10 TWh, peak: 2 GW}", extra: String = "") throws -> (Scenario, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("s.yaml").path
        let text = """
            name: profile fixture
            years: {base: 2024, end: 2026}
            location: {latitude: 27.24 °N, longitude: 111.47 °E, utc_offset: 8 h}
            accounting: {method: calorific}
            demand: \(demand)
            non_power_fuels: {coal: 1 Mtce, oil: 1 Mtce, natural_gas: 1 亿立方米}
            costs: {value_of_lost_load: 20000 yuan/MWh}
            \(extra.isEmpty ? "weather: {seed: 7}" : extra)
            technologies:
            \(technologies)

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (try ScenarioLoader.load(path: path), path)
    }

    /// The diagnostics a year's generation reports, as printed.
    static func problems(_ scenario: Scenario, year: Int = 2025) -> [String] {
        do {
            _ = try ProfileGenerator(scenario: scenario).profiles(for: year)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

    /// Lag-1 autocorrelation.
    static func autocorrelation(_ x: [Double]) -> Double {
        let m = mean(x)
        var numerator = 0.0, denominator = 0.0
        for i in x.indices {
            denominator += (x[i] - m) * (x[i] - m)
            if i > 0 { numerator += (x[i] - m) * (x[i - 1] - m) }
        }
        return numerator / denominator
    }

    /// Sums of consecutive 24-hour blocks.
    static func daily(_ x: [Double]) -> [Double] {
        stride(from: 0, to: x.count, by: 24).map { x[$0..<$0 + 24].reduce(0, +) }
    }
}

/// Expects a relative difference of at most `tolerance`.
func expectRelative(_ a: Double, _ b: Double, _ tolerance: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(abs(a - b) <= tolerance * max(abs(a), abs(b)), "\(a) vs \(b)", sourceLocation: sourceLocation)
}
