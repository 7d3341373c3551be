import Foundation
import Testing
@testable import CapsimCommands

/// `capsim capacity` as printed: thresholds as written, values with their digits.
@Suite struct CapacityTextTests: CommandRunner {
    /// Writes a small-city scenario with `body` and returns `capsim capacity`'s lines.
    func capacityLines(_ body: String) throws -> [Substring] {
        let file = try temporaryFolder().appendingPathComponent("s.yaml")
        try (Self.smallCity + body).write(to: file, atomically: true, encoding: .utf8)
        let result = capsim("capacity", file.path)
        #expect(result.status == 0, "\(result.err)")
        return result.out.split(separator: "\n")
    }

    /// A threshold of 0.0026 TW with 2.71 GW installed printed `≥ 0.003 TW   0.003 TW
    /// +0.00011 TW   met`, a threshold and a value that read alike and a margin between them.
    @Test func thresholdWithMoreThanThreeDecimals() throws {
        let lines = try capacityLines("""
            technologies:
              wind: {kind: wind, capacity: 2.71 GW, full_load_hours: 2000 h}
            targets:
              - {id: wind_2021, kind: capacity, year: 2021, technologies: wind, at_least: 0.0026 TW}
            """)
        #expect(lines.contains("wind_2021                 2021  ≥ 0.0026 TW       0.00271 TW      +0.00011 TW     met"), "\(lines)")
    }

    /// 10 000 GW is ten characters with its decimals: the columns widen to keep a space
    /// between years (`10000.00010000.000` ran together).
    @Test func columnsWidenForLargeValues() throws {
        let lines = try capacityLines("""
            technologies:
              coal: {kind: coal, capacity: 10000 GW, heat_rate: 300 gce/kWh, fuel_price: 900 yuan/tce}
              wind: {kind: wind, capacity: 0.5 GW, full_load_hours: 2000 h}
            """)
        let expected: [String] = [
            "technology                  2020      2021",
            "coal                   10000.000 10000.000",
            "wind                       0.500     0.500",
            "generation total       10000.500 10000.500",
            "storage power total        0.000     0.000",
        ]
        #expect(lines[1...5].map(String.init) == expected, "\(lines)")
    }
}
