import Foundation
import Testing
@testable import CapsimCommands

/// `capsim profiles`: the CSV's shape and columns, determinism, and its errors.
@Suite struct ProfilesCommandTests: CommandRunner {
    func profiles(_ extra: [String] = [], year: Int = 2025) throws -> (status: Int32, out: String, err: String, csv: String?) {
        let file = try temporaryFolder().appendingPathComponent("profiles.csv")
        let result = capsim(["profiles", Self.path("shaoyang.yaml"), "--year", String(year), "--out", file.path] + extra)
        return (result.status, result.out, result.err, try? String(contentsOf: file, encoding: .utf8))
    }

    @Test func writesOneRowPerHourWithDocumentedColumns() throws {
        let result = try profiles()
        #expect(result.status == 0, "\(result.err)")
        let csv = try #require(result.csv)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 8761)
        #expect(lines[0] == """
            hour,time,load_gw,solar_cf,solar_cf.solar_centralised,solar_cf.solar_rooftop,wind_cf,\
            inflow_gw.xiaoxi_hydro,inflow_gw.small_hydro,inflow_gw.quanmutang_hydro,\
            availability.baoqing_coal,availability.biomass,availability.waste_to_energy
            """)
        #expect(lines[1].hasPrefix("0,2025-01-01T00:00+08:00,"))
        #expect(lines[8760].hasPrefix("8759,2025-12-31T23:00+08:00,"))
        for line in lines.dropFirst() { #expect(line.split(separator: ",").count == 13) }
        let load = lines.dropFirst().map { Double($0.split(separator: ",")[2])! }
        #expect(abs(load.reduce(0, +) - 13_800) < 0.01)  // six decimals in 8 760 rows
        #expect(load.max() == 2.86)
        // The summary names the annual figures the series were calibrated to.
        #expect(result.out.contains("load_gw") && result.out.contains("13800 GWh"))
        #expect(result.out.contains("solar_cf.solar_centralised") && result.out.contains("1000 h"))
        #expect(result.out.contains("29 February is not part of capsim's year"))
    }

    /// The fleet's solar column is the capacity-weighted mean: 2025 has 1.55 GW
    /// centralised (1 000 h) and 0.30 GW rooftop (900 h).
    @Test func fleetColumnIsCapacityWeighted() throws {
        let csv = try #require(try profiles().csv)
        var fleet = 0.0
        for line in csv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map { Double($0) ?? 0 }
            let expected = (1.55 * cells[4] + 0.30 * cells[5]) / 1.85
            #expect(abs(cells[3] - expected) <= 2e-6)
            fleet += cells[3]
        }
        #expect(abs(fleet - (1.55 * 1000 + 0.30 * 900) / 1.85) < 0.01)
    }

    @Test func sameSeedIsByteIdenticalAnotherSeedIsNot() throws {
        let a = try profiles(), b = try profiles(), c = try profiles(["--seed", "2024"]), d = try profiles(["--seed", "2023"])
        #expect(a.csv != nil && a.csv == b.csv)
        #expect(a.csv == d.csv)  // 2023 is the scenario's own weather.seed
        #expect(a.csv != c.csv)
    }

    /// `--set` changes the series as the file would: the 2025 load calibrated to 15 TWh
    /// (15 000 GWh over 8 760 hours) instead of 13.8 TWh, its peak still 2.86 GW.
    @Test func setReplacesAScenarioValue() throws {
        let result = try profiles(["--set", "demand.annual_energy.2025=15TWh"])
        #expect(result.status == 0, "\(result.err)")
        let csv = try #require(result.csv)
        let load = csv.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",")[2])! }
        #expect(abs(load.reduce(0, +) - 15_000) < 0.01)
        #expect(load.max() == 2.86)
    }

    @Test func yearOutsideTheScenarioIsAUsageError() throws {
        let result = try profiles(year: 2035)
        #expect(result.status == 2)
        #expect(result.err.contains("--year 2035 is outside the scenario's years 2020–2030"))
        #expect(result.csv == nil)
    }

    @Test func impossibleCalibrationExitsOneAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let scenario = folder.appendingPathComponent("s.yaml")
        try """
            extends: \(Self.path("shaoyang.yaml"))
            technologies:
              wind: {full_load_hours: {value: 8000 h, assumption: "test"}}
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("p.csv")
        let result = capsim("profiles", scenario.path, "--year", "2025", "--out", out.path)
        #expect(result.status == 1)
        #expect(result.err.contains("s.yaml:3:"))
        #expect(result.err.contains("error: technologies.wind.full_load_hours: found 8000 full-load hours in 2025, expected at most"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func missingYearIsAUsageError() {
        #expect(capsim("profiles", Self.path("shaoyang.yaml")).status == 2)
    }
}
