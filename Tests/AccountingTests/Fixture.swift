import Foundation
@testable import EnergyModel

/// Scenario files written to a fresh temporary folder, so that tests read them through the
/// real decoder.
enum Fixture {
    /// Writes `text` as a scenario file in a folder of its own and returns its path.
    static func write(_ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("scenario.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A minimal valid scenario with the given sections.
    static func scenario(technologies: String, targets: String) throws -> String {
        try write("""
            name: fixture
            years: {base: 2020, end: 2025}
            location: {latitude: 27 °N, longitude: 111 °E, utc_offset: 8 h}
            accounting: {method: calorific}
            demand: {annual_energy: 10 TWh, peak: 2 GW}
            non_power_fuels: {coal: 1 Mtce, oil: 1 Mtce, natural_gas: 1 亿立方米}
            costs: {value_of_lost_load: 20000 yuan/MWh}
            technologies:
            \(technologies)
            targets:
            \(targets)

            """)
    }
}
