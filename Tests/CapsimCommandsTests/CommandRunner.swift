import Foundation
@testable import CapsimCommands

/// Runs the CLI in-process with a collecting console, for the command test suites.
protocol CommandRunner {}

extension CommandRunner {
    /// The keys every small-city test scenario shares (1 TWh of load, 0.2 GW peak, two
    /// years); each test adds its `technologies:` and `targets:`.
    static var smallCity: String {
        """
        name: small city
        years: {base: 2020, end: 2021}
        location: {latitude: 27 °N, longitude: 111 °E, utc_offset: 8 h}
        accounting: {method: calorific}
        demand: {annual_energy: 1 TWh, peak: 0.2 GW}
        non_power_fuels: {coal: 0.1 Mtce, oil: 0.05 Mtce, natural_gas: 0.1 亿立方米}
        costs: {value_of_lost_load: 20000 yuan/MWh}

        """
    }

    static var scenarios: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios")
    }

    static func path(_ name: String) -> String { scenarios.appendingPathComponent(name).path }

    /// Runs capsim with `arguments`; returns exit status, standard output and standard error.
    func capsim(_ arguments: String...) -> (status: Int32, out: String, err: String) { capsim(arguments) }

    func capsim(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        let console = Console(collecting: true)
        let status = Console.$current.withValue(console) { CapsimMain.run(arguments) }
        return (status, console.standardOutput, console.standardError)
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
