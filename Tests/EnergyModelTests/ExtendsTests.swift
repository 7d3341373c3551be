import Foundation
import Testing
@testable import EnergyModel

/// `extends:`: a variant laid over its base key by key, `~` removing a key, lists replaced,
/// paths resolved against the file that wrote them, and cycles reported.
@Suite struct ExtendsTests {
    static let base = Fixture.scenario("""
        technologies:
          plant:
            kind: coal
            capacity: 1 GW
            heat_rate: 300 gce/kWh
            fuel_price: 900 yuan/t
            minimum_stable_load: 40 %
          wind:
            kind: wind
            capacity: ["+1 GW in 2022", "+1 GW in 2025"]
            profile_csv: data/wind.csv
        grid:
          import_limit: 3 GW
          export_limit: {2020: 1 GW, 2025: 2 GW}
          import_price: 450 yuan/MWh
          export_price: 300 yuan/MWh
          non_fossil_share: 40 %
        """)

    /// `lnk/../b.yaml`, with `lnk` a link to `real/dir`, is `real/b.yaml` as the system
    /// reads it: the pair was dropped as text and another `b.yaml` beside `lnk` was read.
    @Test func aFolderLinkIsFollowedBeforeItsParent() throws {
        let fixture = try Fixture()
        let base = Self.base.replacingOccurrences(of: "profile_csv: data/wind.csv", with: "full_load_hours: 2000 h")
        try fixture.write("real/b.yaml", base.replacingOccurrences(of: "capacity: 1 GW", with: "capacity: 2 GW"))
        try fixture.write("b.yaml", base)
        try fixture.write("real/dir/v.yaml", "extends: ../b.yaml\nname: linked\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.path("lnk"), withDestinationPath: fixture.path("real/dir"))
        #expect(ScenarioSource.resolve("../b.yaml", against: fixture.path("lnk/v.yaml")) == fixture.path("lnk/../b.yaml"))
        #expect(ScenarioSource.resolve("../b.yaml", against: fixture.path("real/dir/v.yaml")) == fixture.path("real/b.yaml"))
        #expect(try fixture.load("lnk/v.yaml").technology(id: "plant")?.capacity.value(in: 2020) == 2)
    }

    static let variant = """
        extends: ../base/base.yaml
        name: variant
        technologies:
          plant:
            heat_rate: 290 gce/kWh
            minimum_stable_load: ~
          wind:
            capacity: ["+3 GW in 2024"]
          solar:
            kind: solar_centralised
            capacity: 0.5 GW
            full_load_hours: 1000 h
        grid: ~

        """

    func folders() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.write("base/base.yaml", Self.base)
        try fixture.writeCSV("base/data/wind.csv", ["capacity_factor"] + Fixture.hourlyFactors())
        try fixture.write("variants/variant.yaml", Self.variant)
        return fixture
    }

    @Test func variantOverridesAddsRemovesAndReplaces() throws {
        let fixture = try folders()
        let s = try fixture.load("variants/variant.yaml")
        #expect(s.name == "variant")
        #expect(s.technologies.map(\.id) == ["plant", "wind", "solar"])
        guard case let .thermal(plant) = s.technology(id: "plant")!.parameters else {
            Issue.record("plant is not thermal")
            return
        }
        #expect(plant.heatRate.value(in: 2025) == 290)
        #expect(plant.minimumStableFraction == 0)
        expectClose(plant.fuelPrice.value(in: 2025), 900 / 0.7143)
        #expect(s.technology(id: "plant")!.capacity.value(in: 2030) == 1)
        // The variant's list replaces the base's two events.
        let wind = s.technology(id: "wind")!.capacity
        #expect(wind.events.count == 1)
        #expect(wind.value(in: 2023) == 0)
        #expect(wind.value(in: 2030) == 3)
        #expect(s.technology(id: "solar")!.capacity.value(in: 2020) == 0.5)
        #expect(s.grid == nil)
        // Keys the variant does not name come from the base.
        #expect(s.demand.annualEnergy.value(in: 2025) == 10_000)
        #expect(s.endYear == 2030)
    }

    @Test func eachNumberKeepsTheFileThatWroteIt() throws {
        let fixture = try folders()
        let s = try fixture.load("variants/variant.yaml")
        let heatRate = s.numbers.first { $0.path == "technologies.plant.heat_rate" }!
        #expect(heatRate.location == SourceLocation(file: fixture.path("variants/variant.yaml"), line: 5, column: 16))
        #expect(heatRate.text == "290 gce/kWh")
        let fuelPrice = s.numbers.first { $0.path == "technologies.plant.fuel_price" }!
        #expect(fuelPrice.location == SourceLocation(file: fixture.path("base/base.yaml"), line: 13, column: 17))
    }

    @Test func baseAloneIsUnchanged() throws {
        let fixture = try folders()
        let s = try fixture.load("base/base.yaml")
        #expect(s.name == "fixture")
        #expect(s.technologies.map(\.id) == ["plant", "wind"])
        #expect(s.technology(id: "wind")!.capacity.value(in: 2030) == 2)
        #expect(s.grid?.exportLimit.value(in: 2023) == 1.6)
    }

    @Test func relativeCSVPathResolvesAgainstTheBaseFile() throws {
        let fixture = try folders()
        let s = try fixture.load("variants/variant.yaml")
        guard case let .variable(wind) = s.technology(id: "wind")!.parameters, let profile = wind.profile else {
            Issue.record("wind has no profile")
            return
        }
        #expect(profile.file == fixture.path("base/data/wind.csv"))
        #expect(profile.values.count == 8760)
        #expect(profile.values[0] == 0)
        #expect(profile.values[199] == 0.99)
        #expect(profile.values[8759] == 0.59)
        #expect(wind.fullLoadHours == nil)
    }

    @Test func aChainOfThreeFiles() throws {
        let fixture = try folders()
        try fixture.write("variants/second.yaml", "extends: variant.yaml\nname: second\nyears: {base: 2020, end: 2035}\n")
        let s = try fixture.load("variants/second.yaml")
        #expect(s.name == "second")
        #expect(s.years == 2020...2035)
        #expect(s.technology(id: "plant")!.capacity.value(in: 2035) == 1)
        #expect(s.technologies.count == 3)
    }

    @Test func cycleIsReportedAtTheExtendsLine() throws {
        let fixture = try Fixture()
        try fixture.write("a.yaml", "# first\nextends: b.yaml\nname: a\n")
        try fixture.write("b.yaml", "name: b\nextends: a.yaml\n")
        #expect(fixture.problems("a.yaml") == [
            fixture.message("b.yaml", 2, 10, "extends", found: "a cycle of extends: a.yaml → b.yaml → a.yaml", expected: "a chain of extends that ends")
        ])
        try fixture.write("self.yaml", "extends: ./self.yaml\n")
        #expect(fixture.problems("self.yaml") == [
            fixture.message("self.yaml", 1, 10, "extends", found: "a cycle of extends: self.yaml → self.yaml", expected: "a chain of extends that ends")
        ])
    }

    /// A variant's `{value: …}` over the base's milestones (or its milestones over the
    /// base's `{value: …}`) merges into one mapping with both: one message at `value`,
    /// naming where the milestones came from, instead of every year an unknown key of the
    /// base. `peak: VALUE` alone replaces the mapping and loads.
    @Test func aValueMergedWithMilestonesIsOneMessage() throws {
        let fixture = try folders()
        try fixture.write("base/value.yaml", "extends: base.yaml\ngrid:\n  export_limit: {value: 3 GW, assumption: a test}\n")
        let found = "value, merged with the milestones 2020, 2025 of \(fixture.path("base/base.yaml")):21 (extends: merges mappings key by key)"
        let expected = "one form: in the file that extends, export_limit: VALUE alone replaces the whole mapping, and ~ removes a key of the other file (value: ~, or YEAR: ~)"
        #expect(fixture.problems("base/value.yaml") == [fixture.message("base/value.yaml", 3, 18, "grid.export_limit", found: found, expected: expected)])
        try fixture.write("both.yaml", Fixture.scenario("technologies:\n  plant: {kind: coal, capacity: {value: 1 GW, 2025: 2 GW}, heat_rate: 300 gce/kWh, fuel_price: 900 yuan/t}\n"))
        let problems = fixture.problems("both.yaml")
        #expect(problems.count == 1 && problems.first?.contains("technologies.plant.capacity: found both value and milestones by year (2025), "
            + "expected one of the two: capacity: {value: …} for one value in every year, or milestones by year") == true, "\(problems)")
        try fixture.write("base/bare.yaml", "extends: base.yaml\ngrid:\n  export_limit: 3 GW\n")
        #expect(try ScenarioLoader.load(path: fixture.path("base/bare.yaml")).grid?.exportLimit.value(in: 2030) == 3)
    }

    /// `~` for a key the base does not have is kept for the decoder: a known key's null
    /// is absent (nothing to remove), an unknown one is reported with a did-you-mean, as
    /// in a file without `extends:` — a misspelt key was dropped without a word.
    @Test func aNullForAKeyTheBaseLacksIsCheckedLikeAnyKey() throws {
        let fixture = try folders()
        try fixture.write("base/typo.yaml", "extends: base.yaml\ngrid:\n  export_limt: ~\ncosts:\n  carbon_price: ~\n")
        #expect(fixture.problems("base/typo.yaml") == [
            fixture.message("base/typo.yaml", 3, 3, "grid.export_limt", found: "the unknown key \"export_limt\" (did you mean \"export_limit\"?)",
                            expected: "a key of grid: import_limit, export_limit, import_price, export_price, non_fossil_share")
        ])
        try fixture.write("base/known.yaml", "extends: base.yaml\ncosts:\n  carbon_price: ~\n")
        #expect(try ScenarioLoader.load(path: fixture.path("base/known.yaml")).grid?.importLimit.value(in: 2030) == 3)
    }

    @Test func missingBaseIsReportedAtTheExtendsLine() throws {
        let fixture = try Fixture()
        try fixture.write("v.yaml", "name: v\nextends:   nowhere.yaml\n")
        #expect(fixture.problems("v.yaml") == [
            fixture.message("v.yaml", 2, 12, "extends", found: "no readable file at \(fixture.path("nowhere.yaml"))", expected: "a scenario file (YAML)")
        ])
    }
}
