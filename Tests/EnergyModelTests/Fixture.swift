import Foundation
import Testing
@testable import EnergyModel

/// A fresh temporary folder for one test's scenario and CSV files, so that every line
/// and column a test expects is the one it wrote.
struct Fixture {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-energymodel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes `text` to `name` (creating sub-folders) and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Writes a CSV file of the given lines (each ended by a newline) and returns its path.
    @discardableResult
    func writeCSV(_ name: String, _ lines: [String]) throws -> String {
        try write(name, lines.map { $0 + "\n" }.joined())
    }

    /// Loads `name`, which must be a valid scenario.
    func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(path: path(name))
    }

    /// The diagnostics of `name`, which must fail to load, as printed.
    func problems(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        do {
            _ = try ScenarioLoader.load(path: path(name))
            Issue.record("\(name) loaded without an error", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// A diagnostic as printed, for a file of this folder.
    func message(_ name: String, _ line: Int, _ column: Int, _ path: String, found: String, expected: String) -> String {
        "\(self.path(name)):\(line):\(column): error: \(path): found \(found), expected \(expected)"
    }

    /// The keys every scenario needs, on lines 1 to 7, so a test's own keys start on line 8.
    /// It has no `technologies:`, which each test writes itself.
    static func header(years: String = "{base: 2020, end: 2030}", demand: String = "{annual_energy: 10 TWh, peak: 2 GW}") -> String {
        """
        name: fixture
        years: \(years)
        location: {latitude: 27 °N, longitude: 111 °E, utc_offset: 8 h}
        accounting: {method: calorific}
        demand: \(demand)
        non_power_fuels: {coal: 1 Mtce, oil: 1 Mtce, natural_gas: 1 亿立方米}
        costs: {value_of_lost_load: 20000 yuan/MWh}

        """
    }

    /// `header()` followed by `body`, whose first line is line 8 of the file.
    static func scenario(_ body: String, years: String = "{base: 2020, end: 2030}") -> String {
        header(years: years) + body + "\n"
    }

    /// 8 760 capacity factors, one per line: hour h has (h mod 100) / 100.
    static func hourlyFactors() -> [String] {
        (0..<8760).map { String(Double($0 % 100) / 100) }
    }
}

/// The diagnostics, as printed, of parsing `text` as the YAML of a file named `t.yaml`;
/// none when it parses.
func parseProblems(_ text: String) -> [String] {
    do {
        _ = try ScenarioSource.parse(text, file: "t.yaml")
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// Expects `a` and `b` to agree within a relative tolerance of 1e-12 (exactly, when one is zero).
func expectClose(_ a: Double, _ b: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(abs(a - b) <= 1e-12 * max(abs(a), abs(b)), "\(a) ≠ \(b)", sourceLocation: sourceLocation)
}

/// Expects `text` to parse as a quantity of `dimension` whose canonical value is `value`.
func expectQuantity(_ text: String, _ value: Double, _ dimension: EnergyModel.Dimension, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    switch Quantity.parse(text) {
    case let .success(quantity):
        #expect(quantity.dimension == dimension, "\(text): \(quantity.dimension.description)", sourceLocation: sourceLocation)
        expectClose(quantity.value, value, sourceLocation: sourceLocation)
    case let .failure(failure):
        Issue.record("\(text) did not parse: \(failure)", sourceLocation: sourceLocation)
    }
}
