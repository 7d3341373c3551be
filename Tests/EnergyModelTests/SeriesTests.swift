import Foundation
import Testing
@testable import EnergyModel

/// Hourly series from CSV files, and every way a CSV can be wrong, reported at the CSV's
/// own line and column.
@Suite struct SeriesTests {
    /// A scenario whose wind farm reads `profile` (written after `profile_csv: ` on line 12, column 18).
    static func windScenario(_ profile: String) -> String {
        Fixture.scenario("""
            technologies:
              w:
                kind: wind
                capacity: 1 GW
                profile_csv: \(profile)
            """)
    }

    static let field = "technologies.w.profile_csv"
    static let capacityFactor = "a capacity factor: 0 or a number from 1e-9 to 1"

    /// A row with fewer cells than the first: a cell is missing, so no decimal-comma hint.
    static let rowOfTwo = "2 cells as in line 1"

    func profile(_ s: Scenario) -> HourlySeries? {
        guard case let .variable(wind) = s.technology(id: "w")!.parameters else { return nil }
        return wind.profile
    }

    @Test func singleColumnWithHeader() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("wind.csv"))
        try fixture.writeCSV("wind.csv", ["cf"] + Fixture.hourlyFactors())
        let series = try #require(profile(try fixture.load("s.yaml")))
        #expect(series.file == fixture.path("wind.csv"))
        #expect(series.column == nil)
        #expect(series.values.count == 8760)
        #expect(series.values[0] == 0 && series.values[42] == 0.42 && series.values[8759] == 0.59)
        expectClose(series.values.reduce(0, +), 87 * 49.5 + 17.7)  // 87 cycles of 0, 0.01 … 0.99, then 0 … 0.59
    }

    @Test func withoutHeaderCRLFAndTrailingBlankLines() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("data/wind.csv"))
        try fixture.write("data/wind.csv", Fixture.hourlyFactors().map { $0 + "\r\n" }.joined() + "\n\n")
        let series = try #require(profile(try fixture.load("s.yaml")))
        #expect(series.file == fixture.path("data/wind.csv"))
        #expect(series.values.count == 8760)
        #expect(series.values[101] == 0.01)
    }

    @Test func namedColumn() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("{file: wind.csv, column: cf}"))
        try fixture.writeCSV("wind.csv", ["hour,cf,other"] + (0..<8760).map { "\($0),\(Double($0 % 4) / 4),7" })
        let series = try #require(profile(try fixture.load("s.yaml")))
        #expect(series.column == "cf")
        #expect(series.values[0...3] == [0, 0.25, 0.5, 0.75])
        #expect(series.values.reduce(0, +) == 2190 * 1.5)
    }

    @Test func hourlyLoadIsInGigawatts() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.header(demand: "{annual_energy: 10 TWh, peak: 2 GW, hourly_csv: load.csv}") + "technologies: {}\n")
        try fixture.writeCSV("load.csv", ["load_gw"] + (0..<8760).map { $0 == 17 ? "2.5" : "1.125" })
        let hourly = try #require(try fixture.load("s.yaml").demand.hourly)
        #expect(hourly.values[17] == 2.5)
        let total: Double = 8759 * 1.125 + 2.5
        #expect(hourly.values.reduce(0, +) == total)
    }

    @Test func missingFile() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("missing.csv"))
        #expect(fixture.problems("s.yaml") == [
            fixture.message("s.yaml", 12, 18, Self.field, found: "no readable file at \(fixture.path("missing.csv"))",
                            expected: "a CSV file of 8760 hourly values")
        ])
        try fixture.write("t.yaml", Self.windScenario("{column: cf, file: gone/missing.csv}"))
        #expect(fixture.problems("t.yaml") == [
            fixture.message("t.yaml", 12, 37, Self.field + ".file", found: "no readable file at \(fixture.path("gone/missing.csv"))",
                            expected: "a CSV file of 8760 hourly values")
        ])
    }

    @Test func wrongNumberOfRows() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("short.csv"))
        try fixture.writeCSV("short.csv", ["cf"] + Fixture.hourlyFactors().dropLast())
        #expect(fixture.problems("s.yaml") == [
            fixture.message("short.csv", 8760, 1, Self.field, found: "8759 data rows",
                            expected: "8760 rows, one per hour of a 365-day year (29 February dropped)")
        ])
        try fixture.write("t.yaml", Self.windScenario("long.csv"))
        try fixture.writeCSV("long.csv", Fixture.hourlyFactors() + ["0.5"])
        #expect(fixture.problems("t.yaml") == [
            fixture.message("long.csv", 8761, 1, Self.field, found: "8761 data rows",
                            expected: "8760 rows, one per hour of a 365-day year (29 February dropped)")
        ])
    }

    @Test func nonNumericAndNaNCellsAtTheirOwnLineAndColumn() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("{file: wind.csv, column: cf}"))
        var rows = (0..<8760).map { "\($0),0.5" }
        rows[99] = "99,abc"
        rows[4999] = "4999, NaN"
        rows[8000] = "8000"
        try fixture.writeCSV("wind.csv", ["hour,cf"] + rows)
        #expect(fixture.problems("s.yaml") == [
            fixture.message("wind.csv", 101, 4, Self.field, found: "\"abc\"", expected: Self.capacityFactor),
            fixture.message("wind.csv", 5001, 6, Self.field, found: "\"NaN\"", expected: Self.capacityFactor),
            fixture.message("wind.csv", 8002, 1, Self.field, found: "1 cell", expected: Self.rowOfTwo),
        ])
    }

    /// A measured profile gives the output itself: a panel orientation or power curve
    /// beside it would be ignored, and a load shape beside a measured load too.
    @Test func keysAMeasuredSeriesReplacesAreRefused() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: 1 GW, profile_csv: cf.csv, power_curve: {cut_in: 3 m/s, rated: 11 m/s, cut_out: 25 m/s}}
              pv: {kind: solar_centralised, capacity: 1 GW, profile_csv: cf.csv, tilt: 90 °, azimuth: ~}
            """).replacingOccurrences(of: "demand: {", with: "demand: {hourly_csv: cf.csv, shape: {weekend_factor: 80 %}, "))
        try fixture.writeCSV("cf.csv", ["cf"] + (0..<8760).map { _ in "0.5" })
        let reason = "profile_csv gives the output hour by hour, scaled to full_load_hours"
        let problems = fixture.problems("s.yaml")
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.hasSuffix("error: demand.shape: found shape beside hourly_csv, expected one or the other: hourly_csv gives the load's shape hour by hour, scaled to annual_energy and peak, so shape would be ignored") })
        #expect(problems.contains { $0.hasSuffix("error: technologies.w.power_curve: found power_curve beside profile_csv, expected one or the other: \(reason), so power_curve would be ignored") })
        #expect(problems.contains { $0.hasSuffix("error: technologies.pv.tilt: found tilt beside profile_csv, expected one or the other: \(reason), so tilt would be ignored") })
    }

    /// A decimal comma in a one-column file made two cells, and the first was read.
    @Test func rowsWithMoreCellsThanTheFirst() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("wind.csv"))
        var rows = Fixture.hourlyFactors()
        rows[4] = "0,5"
        try fixture.writeCSV("wind.csv", ["cf"] + rows)
        #expect(fixture.problems("s.yaml") == [
            fixture.message("wind.csv", 6, 3, Self.field, found: "2 cells",
                            expected: "1 cell as in line 1 (a decimal comma, 0,5, splits a number in two: write 0.5)")
        ])
    }

    /// Hexadecimal, which the C library reads, is not a CSV number; nor is a value so small
    /// that scaling the series to its full-load hours would overflow.
    @Test func hexadecimalAndSubnormalValues() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("wind.csv"))
        var rows = Fixture.hourlyFactors()
        rows[1] = "0x0.8p0"
        rows[2] = "1e-310"
        try fixture.writeCSV("wind.csv", rows)
        #expect(fixture.problems("s.yaml") == [
            fixture.message("wind.csv", 2, 1, Self.field, found: "\"0x0.8p0\"", expected: Self.capacityFactor),
            fixture.message("wind.csv", 3, 1, Self.field, found: "1e-310", expected: Self.capacityFactor),
        ])
    }

    @Test func columnNamedTwiceInTheHeader() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("{file: wind.csv, column: cf}"))
        try fixture.writeCSV("wind.csv", ["cf,cf"] + (0..<8760).map { _ in "0.1,0.2" })
        #expect(fixture.problems("s.yaml") == [
            fixture.message("wind.csv", 1, 1, Self.field, found: "the column \"cf\" twice in the header", expected: "a header naming each column once")
        ])
    }

    @Test func folderAndNonUTF8File() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("data"))
        try fixture.write("data/x.csv", "1\n")
        #expect(fixture.problems("s.yaml") == [
            fixture.message("s.yaml", 12, 18, Self.field, found: "a folder at \(fixture.path("data"))", expected: "a CSV file of 8760 hourly values")
        ])
        try fixture.write("t.yaml", Self.windScenario("latin1.csv"))
        try Data([0x63, 0x66, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: fixture.path("latin1.csv")))
        #expect(fixture.problems("t.yaml") == [
            fixture.message("t.yaml", 12, 18, Self.field, found: "\(fixture.path("latin1.csv")), which is not UTF-8 text at its line 1",
                            expected: "a CSV file in UTF-8 (or ASCII)")
        ])
    }

    /// Load must be above zero in every hour (the calibration divides by it); an inflow
    /// shape that is zero everywhere cannot carry the reservoir's inflow energy.
    @Test func zeroLoadHourAndZeroInflowShape() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.header(demand: "{annual_energy: 10 TWh, peak: 2 GW, hourly_csv: load.csv}") + "technologies: {}\n")
        try fixture.writeCSV("load.csv", ["load_gw"] + (0..<8760).map { $0 == 4 ? "0" : "1.125" })
        #expect(fixture.problems("s.yaml") == [
            fixture.message("load.csv", 6, 1, "demand.hourly_csv", found: "0", expected: "a load in GW: a number from 1e-9 to 1000000")
        ])
        try fixture.write("t.yaml", Fixture.scenario("""
            technologies:
              r: {kind: reservoir_hydro, capacity: 0.1 GW, reservoir_energy: 10 GWh, inflow_energy: 200 GWh, inflow_csv: zero.csv}
            """))
        try fixture.writeCSV("zero.csv", (0..<8760).map { _ in "0" })
        #expect(fixture.problems("t.yaml") == [
            fixture.message("t.yaml", 9, 110, "technologies.r.inflow_csv", found: "an inflow series that is zero in every hour",
                            expected: "a shape to spread 200 GWh of inflow over (2020)")
        ])
    }

    @Test func capacityFactorAboveOne() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("wind.csv"))
        var rows = Fixture.hourlyFactors()
        rows[0] = "1.5"
        rows[1] = "-0.01"
        rows[2] = "1"
        try fixture.writeCSV("wind.csv", rows)
        #expect(fixture.problems("s.yaml") == [
            fixture.message("wind.csv", 1, 1, Self.field, found: "1.5", expected: Self.capacityFactor),
            fixture.message("wind.csv", 2, 1, Self.field, found: "-0.01", expected: Self.capacityFactor),
        ])
    }

    @Test func atMostTenBadCellsThenACount() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("wind.csv"))
        try fixture.writeCSV("wind.csv", ["cf"] + (0..<8760).map { $0 < 12 ? "x\($0)" : "0.5" })
        let problems = fixture.problems("s.yaml")
        #expect(problems.count == 11)
        #expect(problems.first == fixture.message("wind.csv", 2, 1, Self.field, found: "\"x0\"", expected: Self.capacityFactor))
        #expect(problems[9] == fixture.message("wind.csv", 11, 1, Self.field, found: "\"x9\"", expected: Self.capacityFactor))
        #expect(problems.last == fixture.message("wind.csv", 12, 1, Self.field, found: "2 more bad cells, the first of them here", expected: "numbers in every row"))
    }

    /// Where a CSV quirk is, and what it is: a blank line inside the file (reported as a
    /// row count at the last line), a bad first value of a file without a header (read as
    /// a header: a row short), a comma ending every line, a tiny value read as 0.
    @Test func csvQuirksAreNamedWhereTheyAre() throws {
        let fixture = try Fixture()
        var rows = Fixture.hourlyFactors()
        rows.insert("", at: 100)
        try fixture.write("blank.yaml", Self.windScenario("blank.csv"))
        try fixture.writeCSV("blank.csv", rows)
        #expect(fixture.problems("blank.yaml") == [
            fixture.message("blank.csv", 101, 1, Self.field, found: "an empty line", expected: "a row of values on every line (blank lines only at the end of the file)"),
        ])
        rows = Fixture.hourlyFactors()
        rows[0] = "NaN"
        try fixture.write("nan.yaml", Self.windScenario("nan.csv"))
        try fixture.writeCSV("nan.csv", rows)
        #expect(fixture.problems("nan.yaml") == [
            fixture.message("nan.csv", 8760, 1, Self.field, found: "8759 data rows after line 1, read as a header (\"NaN\" is not a number)",
                            expected: "8760 rows, one per hour of a 365-day year (29 February dropped)"),
        ])
        try fixture.write("comma.yaml", Self.windScenario("comma.csv"))
        try fixture.writeCSV("comma.csv", ["cf"] + Fixture.hourlyFactors().map { $0 + "," })
        #expect(fixture.problems("comma.yaml").first == fixture.message("comma.csv", 2, 5, Self.field, found: "2 cells",
                                                                       expected: "1 cell as in line 1 (a comma at the end of the line: remove it)"))
        rows = Fixture.hourlyFactors()
        rows[5] = "1e-400"
        try fixture.write("tiny.yaml", Self.windScenario("tiny.csv"))
        try fixture.writeCSV("tiny.csv", rows)
        #expect(fixture.problems("tiny.yaml") == [fixture.message("tiny.csv", 6, 1, Self.field, found: "1e-400", expected: Self.capacityFactor)])
    }

    /// A quoted cell is one cell, commas and spaces inside it included.
    @Test func quotedCellsKeepTheirCommas() throws {
        #expect(Decoder.cells("time,\"wind, onshore\", \" 0.3 \"").map(\.text) == ["time", "wind, onshore", "0.3"])
        #expect(Decoder.cells("a,\"b,c\",d").map(\.column) == [1, 3, 9])
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("{file: wind.csv, column: \"wind, onshore\"}"))
        try fixture.writeCSV("wind.csv", ["time,\"wind, onshore\""] + (0..<8760).map { "\($0),\" 0.25 \"" })
        let series = try #require(profile(try fixture.load("s.yaml")))
        #expect(series.values.allSatisfy { $0 == 0.25 })
    }

    @Test func columnNotInTheHeader() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Self.windScenario("{file: wind.csv, column: cff}"))
        try fixture.writeCSV("wind.csv", ["hour,cf"] + (0..<8760).map { "\($0),0.5" })
        #expect(fixture.problems("s.yaml") == [
            fixture.message("wind.csv", 1, 1, Self.field, found: "no column \"cff\" (did you mean \"cf\"?)",
                            expected: "a header naming the column \"cff\" (columns: hour, cf)")
        ])
        try fixture.write("t.yaml", Self.windScenario("wind.csv"))
        #expect(fixture.problems("t.yaml") == [
            fixture.message("wind.csv", 1, 1, Self.field, found: "2 columns", expected: "one column, or `column:` naming one of hour, cf")
        ])
    }
}
