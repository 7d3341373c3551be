import Foundation
import Testing
@testable import EnergyModel

/// Every class of problem a scenario can have, each checked as printed
/// (`FILE:LINE:COLUMN: error: key.path: found …, expected …`), and every problem of a
/// file reported at once. Scenarios are `Fixture.scenario`: their own keys start on line 8.
@Suite struct DiagnosticTests {
    static let power = "a power (kW, MW, GW, 万千瓦)"
    static let windKeys = "a key of a wind technology: kind, name, capacity, full_load_hours, profile_csv, power_curve, variable_cost"
    static let scenarioYears = "a year from 2020 to 2030 (the scenario's years)"

    /// Writes `text` as s.yaml and returns the fixture and the problems found.
    func problems(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Fixture, [String]) {
        let fixture = try Fixture()
        try fixture.write("s.yaml", text)
        return (fixture, fixture.problems("s.yaml", sourceLocation: sourceLocation))
    }

    @Test func diagnosticFields() {
        let d = Diagnostic(location: SourceLocation(file: "a.yaml", line: 3, column: 7), path: "demand.peak", found: "\"2\"", expected: "a power")
        #expect(d.description == "a.yaml:3:7: error: demand.peak: found \"2\", expected a power")
        #expect(ScenarioError([d, d]).description == "\(d)\n\(d)")
    }

    /// A value that holds a line break (a block scalar, a `--set` value) is shown escaped,
    /// so that the message stays one line that starts with its place.
    @Test func controlCharactersAreEscaped() {
        let d = Diagnostic(location: SourceLocation(file: "a.yaml", line: 5, column: 10), path: "extends",
                           found: "no readable file at text\n", expected: "a\tfile \u{1B}[1m")
        #expect(d.description == "a.yaml:5:10: error: extends: found no readable file at text\\n, expected a\\tfile \\u{1B}[1m")
        #expect(Diagnostic.oneLine("万千瓦 °N") == "万千瓦 °N")
    }

    @Test func unknownKeyWithSuggestionAndTheMissingKeyItMeant() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w:
                kind: wind
                capacty: 1 GW
                full_load_hours: 2000 h
            """))
        #expect(p == [
            f.message("s.yaml", 10, 5, "technologies.w.capacity", found: "no value", expected: "the installed capacity by year (\"capacity\" is required)"),
            f.message("s.yaml", 11, 5, "technologies.w.capacty", found: "the unknown key \"capacty\" (did you mean \"capacity\"?)", expected: Self.windKeys),
        ])
    }

    @Test func misspeltKeyThatIsAlsoMissingIsListedOnce() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w:
                kind: wind
                capacity: 1 GW
                ful_load_hours: 2000 h
            """))
        #expect(p == [
            f.message("s.yaml", 10, 5, "technologies.w.full_load_hours", found: "no value",
                      expected: "full-load hours per year (or profile_csv) (\"full_load_hours\" is required)"),
            f.message("s.yaml", 12, 5, "technologies.w.ful_load_hours", found: "the unknown key \"ful_load_hours\" (did you mean \"full_load_hours\"?)",
                      expected: Self.windKeys),
        ])
    }

    /// Without its kind a technology's other keys cannot be judged, but a key that looks
    /// like `kind` is the likely cause, and is named.
    @Test func aMisspeltKindIsNamedBesideTheMissingOne() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w:
                kinds: wind
                capcity: 1 GW
                full_load_hours: 2000 h
            """))
        #expect(p == [
            f.message("s.yaml", 10, 5, "technologies.w.kind", found: "no value", expected: "the technology's kind (\"kind\" is required)"),
            f.message("s.yaml", 10, 5, "technologies.w.capacity", found: "no value", expected: "the installed capacity by year (\"capacity\" is required)"),
            f.message("s.yaml", 10, 5, "technologies.w.kinds", found: "the unknown key \"kinds\" (did you mean \"kind\"?)", expected: "kind, which is required"),
            f.message("s.yaml", 11, 5, "technologies.w.capcity", found: "the unknown key \"capcity\" (did you mean \"capacity\"?)", expected: "capacity, which is required"),
        ])
    }

    /// One one-way efficiency written: the message asks for the other, not for the round trip.
    @Test func aOneWayEfficiencyAsksForTheOther() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              b:
                kind: lfp
                capacity: 1 GW
                duration: 2 h
                charge_efficiency: 92 %
            """))
        #expect(p == [
            f.message("s.yaml", 10, 5, "technologies.b.discharge_efficiency", found: "no value",
                      expected: "the discharge efficiency, beside charge_efficiency (\"discharge_efficiency\" is required)"),
        ])
    }

    @Test func unknownTopLevelKey() throws {
        let (f, p) = try problems(Fixture.header() + "technologis: {}\n")
        #expect(p == [
            f.message("s.yaml", 1, 1, "technologies", found: "no value", expected: "a mapping of technology ids (\"technologies\" is required)"),
            f.message("s.yaml", 8, 1, "technologis", found: "the unknown key \"technologis\" (did you mean \"technologies\"?)",
                      expected: "a key of a scenario: name, description, years, location, weather, accounting, demand, non_power_fuels, technologies, grid, costs, targets"),
        ])
    }

    @Test func missingRequiredKeys() throws {
        let (f, p) = try problems("""
            name: fixture
            years: {base: 2020, end: 2030}
            location: {longitude: 111 °E, utc_offset: 8 h}
            accounting: {method: calorific}
            demand: {annual_energy: 10 TWh, peak: 2 GW}
            non_power_fuels: {coal: 1 Mtce, oil: 1 Mtce, natural_gas: 1 亿立方米}
            technologies:
              w: {kind: wind, capacity: 1 GW}

            """)
        #expect(p == [
            f.message("s.yaml", 3, 11, "location.latitude", found: "no value", expected: "an angle such as 27.24 °N (\"latitude\" is required)"),
            f.message("s.yaml", 8, 6, "technologies.w.full_load_hours", found: "no value",
                      expected: "full-load hours per year (or profile_csv) (\"full_load_hours\" is required)"),
            f.message("s.yaml", 1, 1, "costs", found: "no value", expected: "the value of lost load and prices (\"costs\" is required)"),
        ])
    }

    /// A tag capsim does not know was dropped and the value read without it; now it is
    /// refused at its value, named by its key path (it was "(yaml)"). So is each of YAML's
    /// own tags but that of text: `!!null 2 GW` was read as 2 GW, `!!int 2 GW` accepted.
    @Test func unknownTagsAreRefused() throws {
        let expected = "a value without a tag: capsim reads YAML's plain values (text, numbers, mappings, lists)"
        let tags = [("!custom", "!custom"), ("!!binary", "!!binary"), ("!<tag:example.com:x>", "tag:example.com:x"),
                    ("!!null", "!!null"), ("!!int", "!!int"), ("!!bool", "!!bool"), ("!!float", "!!float")]
        for (tag, shown) in tags {
            let (f, p) = try problems(Fixture.scenario("technologies:\n  w: {kind: wind, capacity: \(tag) 1 GW, full_load_hours: 2000 h}"))
            #expect(p == [f.message("s.yaml", 9, 29, "technologies.w.capacity", found: "the tag \(shown)", expected: expected)], "\(tag)")
        }
        let (f, p) = try problems(Fixture.scenario("technologies:\n  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}\ntargets:\n  - !custom {id: t}"))
        #expect(p == [f.message("s.yaml", 11, 5, "targets[0]", found: "the tag !custom", expected: expected)])
        for (text, line, column, path, shown) in [("list: !!seq {a: 1}\n", 1, 7, "list", "!!seq"), ("map: !!map {a: 1}\n", 1, 6, "map", "!!map"),
                                                  ("a:\n  b: !!str x\n  c: !!null\n", 3, 6, "a.c", "!!null")] {
            #expect(parseProblems(text) == ["t.yaml:\(line):\(column): error: \(path): found the tag \(shown), expected \(expected)"])
        }
    }

    @Test func mappingWhereATextIsExpected() throws {
        let (f, p) = try problems(Fixture.scenario("technologies:\n  w: {kind: {of: wind}, capacity: 1 GW, full_load_hours: 2000 h}").replacingOccurrences(of: "name: fixture", with: "name: {first: fixture}"))
        #expect(p == [
            f.message("s.yaml", 1, 7, "name", found: "a mapping", expected: "a text"),
            f.message("s.yaml", 9, 13, "technologies.w.kind", found: "a mapping",
                      expected: "a technology kind: one of coal, gas, biomass, waste_to_energy, wind, solar_centralised, solar_distributed, run_of_river, reservoir_hydro, pumped_storage, lfp"),
        ])
    }

    @Test func bareNumberWhereAUnitIsNeeded() throws {
        let (f, p) = try problems(Fixture.scenario("technologies:\n  w: {kind: wind, capacity: 1.32, full_load_hours: {value: 2000}}"))
        #expect(p == [
            f.message("s.yaml", 9, 29, "technologies.w.capacity", found: "the bare number 1.32", expected: "\(Self.power) with its unit"),
            f.message("s.yaml", 9, 60, "technologies.w.full_load_hours.value", found: "the bare number 2000", expected: "a time (h, d, yr) with its unit"),
        ])
    }

    @Test func wrongDimension() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.header(demand: "{annual_energy: 12 GW, peak: 2 GW}") + "technologies: {}\n")
        #expect(fixture.problems("s.yaml") == [
            fixture.message("s.yaml", 5, 25, "demand.annual_energy", found: "\"12 GW\", \(Self.power)",
                            expected: "an energy (kWh, MWh, GWh, TWh, 万千瓦时, 亿千瓦时)")
        ])
    }

    @Test func unknownUnitAndText() throws {
        let (f, p) = try problems(Fixture.scenario("technologies:\n  w: {kind: wind, capacity: 1 Gw, full_load_hours: many h}"))
        #expect(p == [
            f.message("s.yaml", 9, 29, "technologies.w.capacity", found: "the unknown unit \"Gw\" (did you mean \"GW\"?)", expected: Self.power),
            f.message("s.yaml", 9, 52, "technologies.w.full_load_hours", found: "\"many h\"", expected: "a time (h, d, yr): a number and a unit"),
        ])
    }

    /// A suggested unit keeps its 万 (`万kw` as `kW` would be 10 000 times less) and has
    /// the key's dimension; a word that is no typo of one (月 for a time, `wk`) gets none.
    @Test func unitSuggestionsKeepTheMultiplierAndTheDimension() throws {
        let (f, p) = try problems(Fixture.scenario("technologies:\n  w: {kind: wind, capacity: 50 万kw, full_load_hours: 3 月, variable_cost: 20 yuan/MWH}"))
        #expect(p == [
            f.message("s.yaml", 9, 29, "technologies.w.capacity", found: "the unknown unit \"万kw\" (did you mean \"万kW\"?)", expected: Self.power),
            f.message("s.yaml", 9, 54, "technologies.w.full_load_hours", found: "the unknown unit \"月\"", expected: "a time (h, d, yr)"),
            f.message("s.yaml", 9, 74, "technologies.w.variable_cost", found: "the unknown unit \"yuan/MWH\" (did you mean \"yuan/MWh\"?)",
                      expected: "an electricity price (yuan/MWh, yuan/kWh, 元/千瓦时)"),
        ])
        #expect(UnitTable.suggestion(for: "wk", accepting: [.time]) == nil)
        #expect(UnitTable.suggestion(for: "gw", accepting: [.time]) == nil)
        #expect(UnitTable.suggestion(for: "gw", accepting: [.power]) == "GW")
        #expect(try Quantity.parse("0.5 吉瓦").get() == Quantity(0.5, .power))
        #expect(try Quantity.parse("25 元/兆瓦时").get().value == 25_000)
    }

    /// Time zones are whole quarter hours: 8.33 h was accepted and its times labelled
    /// +08:20 while the model used 8 h 19.8 min; 5.75 h (Nepal) is accepted.
    @Test func aUTCOffsetIsAWholeNumberOfQuarterHours() throws {
        let header = Fixture.header().replacingOccurrences(of: "utc_offset: 8 h", with: "utc_offset: 8.33 h")
        let (f, p) = try problems(header + "technologies: {}\n")
        #expect(p == [f.message("s.yaml", 3, 60, "location.utc_offset", found: "8.33 h", expected: "a whole number of quarter hours, as every time zone is (8 h, 5.75 h, -3.5 h)")])
        let nepal = try Fixture()
        try nepal.write("s.yaml", Fixture.header().replacingOccurrences(of: "utc_offset: 8 h", with: "utc_offset: 5.75 h") + "technologies: {}\n")
        #expect(try nepal.load("s.yaml").location.utcOffsetHours == 5.75)
    }

    /// Digit groups of three after a whole number of up to three digits are joined; a
    /// decimal or an exponent before the space is no number written with separators.
    @Test func digitGroupsAreJoinedOnlyWhenTheyAreThousandsSeparated() {
        #expect(Decoder.joinedDigitGroups(number: "13", unit: "800 GWh") == "13800 GWh")
        #expect(Decoder.joinedDigitGroups(number: "1", unit: "000 000 GWh") == "1000000 GWh")
        #expect(Decoder.joinedDigitGroups(number: "1", unit: "000 000") == "1000000")
        #expect(Decoder.joinedDigitGroups(number: "13", unit: "800.5 GWh") == "13800.5 GWh")
        #expect(Decoder.joinedDigitGroups(number: "1.5", unit: "000 GWh") == nil)
        #expect(Decoder.joinedDigitGroups(number: "1e3", unit: "000 GWh") == nil)
        #expect(Decoder.joinedDigitGroups(number: "13", unit: "8000 GWh") == nil)
        #expect(Decoder.joinedDigitGroups(number: "1234", unit: "567 GWh") == nil)
    }

    /// A comma inside a number is named with both its readings (one, when there are two
    /// commas), a full-width one (，) too; a tab that breaks the YAML is named.
    @Test func aCommaInsideANumberAndATabAreNamed() throws {
        #expect(Decoder.commaReadings(number: "1", unit: ",320 MW") == " (a comma inside a number: write \"1320 MW\" if it separates thousands, \"1.320 MW\" if it is a decimal comma)")
        #expect(Decoder.commaReadings(number: "1", unit: ",000,000 MWh") == " (a comma inside a number: write \"1000000 MWh\" if it separates thousands)")
        #expect(Decoder.commaReadings(number: "1", unit: ", MW") == nil)
        let (f, p) = try problems(Fixture.scenario("technologies:\n  w: {kind: wind, capacity: \"１，３２０ MW\", full_load_hours: 2000 h}"))
        #expect(p == [
            f.message("s.yaml", 9, 29, "technologies.w.capacity",
                      found: "the unknown unit \",320 MW\" (a comma inside a number: write \"1320 MW\" if it separates thousands, \"1.320 MW\" if it is a decimal comma)",
                      expected: Self.power),
        ])
        let (g, q) = try problems(Fixture.scenario("technologies:\n  w:\n\t  kind: wind"))
        #expect(q.count == 1 && q[0].hasPrefix(g.path("s.yaml") + ":10:1: error: (yaml): found a syntax error: "), "\(q)")
        #expect(q.first?.contains("(the line has a tab: YAML indents with spaces only)") == true, "\(q)")
    }

    /// A UTC offset a hair off a quarter hour shows the digits that make it so (0.3333333333 d
    /// read as "8 h" beside the example 8 h); numbers of a stray exponent are shown with one.
    @Test func numbersInMessagesShowWhatFailed() throws {
        let header = Fixture.header().replacingOccurrences(of: "utc_offset: 8 h", with: "utc_offset: 0.3333333333 d")
        let (f, p) = try problems(header + "technologies: {}\n")
        #expect(p == [f.message("s.yaml", 3, 60, "location.utc_offset", found: "7.9999999992 h", expected: "a whole number of quarter hours, as every time zone is (8 h, 5.75 h, -3.5 h)")])
        #expect(Diagnostic.number(2.1582e297) == "2.158e+297")
        #expect(Diagnostic.number(1e-300) == "1e-300")
        #expect(Diagnostic.number(1.3e-3) == "0.0013")
        #expect(Diagnostic.number(123_456.7) == "123456.7")
    }

    /// A thousands separator is named, with the number as it should be written.
    @Test func aSpaceInsideANumberIsNamed() throws {
        let (f, p) = try problems(Fixture.scenario("technologies:\n  w: {kind: wind, capacity: 1 200 MW, full_load_hours: 2000 h}"))
        #expect(p == [
            f.message("s.yaml", 9, 29, "technologies.w.capacity", found: "the unknown unit \"200 MW\" (a number with a space inside: write \"1200 MW\")",
                      expected: Self.power),
        ])
    }

    /// A number without a unit is decimal: `0x2`, which `Double` would read as 2, is refused.
    @Test func hexadecimalPlainNumber() throws {
        let (f, p) = try problems(Fixture.scenario("weather:\n  wind: {weibull_shape: 0x2}\ntechnologies: {}"))
        #expect(p == [f.message("s.yaml", 9, 25, "weather.wind.weibull_shape", found: "\"0x2\"", expected: "a number: a number without a unit")])
    }

    @Test func negativeCapacity() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: -1 GW, full_load_hours: 2000 h}
              v:
                kind: wind
                capacity: {2020: 1 GW, events: ["-1.5 GW in 2025"]}
                full_load_hours: 2000 h
            """))
        #expect(p == [
            f.message("s.yaml", 9, 29, "technologies.w.capacity", found: "\"-1 GW\"", expected: "\(Self.power) that is not negative"),
            f.message("s.yaml", 12, 37, "technologies.v.capacity.events[0]", found: "\"-1.5 GW in 2025\", which takes it to -0.5 GW in 2025",
                      expected: "\(Self.power) that is not negative in every year (check its events)"),
        ])
    }

    @Test func efficiencyAboveOneHundredPercent() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              b:
                kind: lfp
                capacity: 1 GW
                duration: 2 h
                round_trip_efficiency: 105 %
            """))
        #expect(p == [
            f.message("s.yaml", 13, 28, "technologies.b.round_trip_efficiency", found: "\"105 %\"", expected: "a fraction (%) from 10 % to 100 %")
        ])
    }

    @Test func yearsOutsideTheScenario() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w:
                kind: wind
                capacity: ["+1 GW in 2019"]
                full_load_hours: 2000 h
            targets:
              - {id: w2035, kind: capacity, year: 2035, technologies: [wind], at_least: 1 GW}
            """))
        #expect(p == [
            f.message("s.yaml", 11, 16, "technologies.w.capacity[0]", found: "an event in 2019", expected: Self.scenarioYears),
            f.message("s.yaml", 14, 39, "targets[0].year", found: "the year 2035", expected: Self.scenarioYears),
        ])
    }

    @Test func malformedEvents() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w:
                kind: wind
                capacity: ["30 MW in 2026", "+30 MW on 2026-02-30", "+30 MW in 2026-07-01", "+30 MW in 2026"]
                full_load_hours: 2000 h
            """))
        #expect(p == [
            f.message("s.yaml", 11, 16, "technologies.w.capacity[0]", found: "\"30 MW in 2026\"",
                      expected: "an event such as \"+30 MW in 2026\" or \"-0.66 GW on 2028-07-01\""),
            f.message("s.yaml", 11, 33, "technologies.w.capacity[1]", found: "\"+30 MW on 2026-02-30\"", expected: "a real calendar date"),
            f.message("s.yaml", 11, 57, "technologies.w.capacity[2]", found: "\"+30 MW in 2026-07-01\"", expected: "\"in YEAR\" or \"on YYYY-MM-DD\""),
        ])
    }

    @Test func demandMustStartByTheBaseYear() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.header(demand: "{annual_energy: {2022: 10 TWh}, peak: 2 GW}") + "technologies: {}\n")
        #expect(fixture.problems("s.yaml") == [
            fixture.message("s.yaml", 5, 25, "demand.annual_energy", found: "a first milestone in 2022", expected: "a milestone in the base year 2020 or earlier")
        ])
    }

    @Test func targetNamingAnUnknownTechnology() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              baoqing: {kind: coal, capacity: 1.32 GW, heat_rate: 300 gce/kWh, fuel_price: 900 yuan/t}
            targets:
              - id: coal_2025
                kind: capacity
                year: 2025
                technologies: [coal, baoqnig]
                at_most: 2 GW
            """))
        #expect(p == [
            f.message("s.yaml", 14, 26, "targets[0].technologies[1]", found: "the unknown technology \"baoqnig\" (did you mean \"baoqing\"?)",
                      expected: "a technology id (baoqing), a kind (coal, gas, biomass, waste_to_energy, wind, solar_centralised, solar_distributed, "
                        + "run_of_river, reservoir_hydro, pumped_storage, lfp) or a group (bioenergy, hydro, solar, storage)")
        ])
    }

    /// A bad target does not hold back the checks across other keys, which read no
    /// target: the peak below the average load is reported in the same pass (it took a
    /// second run once the target was fixed).
    @Test func aBadTargetDoesNotHoldBackTheChecksAcrossKeys() throws {
        let (f, p) = try problems(Fixture.header(years: "{base: 2020, end: 2020}", demand: "{annual_energy: 10 TWh, peak: 1 GW}") + """
            technologies:
              baoqing: {kind: coal, capacity: 1.32 GW, heat_rate: 300 gce/kWh, fuel_price: 900 yuan/t}
            targets:
              - {id: added, kind: capacity_added, technologies: [coal], year: 2020, since: 2021, at_least: 1 GW}

            """)
        #expect(p == [
            f.message("s.yaml", 11, 80, "targets[0].since", found: "the year 2021", expected: "a year from 2020 to 2020 (the scenario's years)"),
            f.message("s.yaml", 5, 39, "demand.peak", found: "a peak of 1 GW in 2020", expected: "a peak at least the average load 1.142 GW (annual energy ÷ 8760 h)"),
        ])
    }

    @Test func yamlSyntaxError() throws {
        let (f, p) = try problems("name: fixture\nyears: {base: 2020, end: 2030\nlocation: {}\n")
        #expect(p == [
            f.message("s.yaml", 3, 9, "(yaml)", found: "a syntax error: did not find expected ',' or '}' (while parsing a flow mapping)",
                      expected: "valid YAML")
        ])
    }

    /// Ten levels of ten aliases would expand to 10¹⁰ values: stopped at the limit with a
    /// message, not by running out of memory.
    @Test func aliasesThatExpandWithoutLimit() throws {
        var lines = ["name: x", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 { lines.append("a\(level): &a\(level) [" + [String](repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        let (f, p) = try problems(lines.joined(separator: "\n") + "\n")
        #expect(p == [
            f.message("s.yaml", 2, 5, "(yaml)", found: "more than \(SourceNode.valueLimit) values once the file's aliases (*name) are expanded",
                      expected: "a scenario of ordinary size: aliases that repeat an anchor (&name) many times over are not supported")
        ])
    }

    @Test func listAsAMappingKey() throws {
        let (f, p) = try problems("name: x\n? [2020]\n: 1\n")
        #expect(p == [f.message("s.yaml", 2, 3, "(yaml)", found: "a list as a mapping key", expected: "a key name")])
    }

    /// libyaml's reader reports a character offset; the message gives its line and column
    /// (read as bytes, the three extra bytes of é and – on line 2 would put it at 3:31).
    @Test func controlCharacterIsPlaced() throws {
        let (f, p) = try problems("name: x\n# café –\nyears: {base: 2020, end: 20\u{0}30}\n")
        #expect(p == [f.message("s.yaml", 3, 28, "(yaml)", found: "control characters are not allowed (byte 0)", expected: "valid YAML text")])
    }

    /// A file that is not a scenario is quoted in part, not whole.
    @Test func longTextQuotedInPart() throws {
        let text = String(repeating: "word ", count: 100)
        let (f, p) = try problems(text + "\n")
        #expect(p == [f.message("s.yaml", 1, 1, "(file)", found: "\"" + text.prefix(77) + "…\"", expected: "a mapping of scenario keys")])
    }

    @Test func duplicateKey() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}
              w: {kind: wind, capacity: 2 GW, full_load_hours: 2000 h}
            """))
        #expect(p == [f.message("s.yaml", 10, 3, "technologies.w", found: "the key \"w\" a second time (first on line 9)", expected: "each key once")])
    }

    /// Six minutes is the shortest storage: a shorter one turns the solver's tolerance
    /// into thousands of cycles. `duration:` is checked as written; with `energy:`, the
    /// check is energy ÷ power each year: 0.2 GWh over 1 → 3 GW (linear between
    /// milestones) falls below it at 2.2 GW in 2023.
    @Test func storageTooShort() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              b: {kind: lfp, capacity: 1 GW, duration: 0.05 h, round_trip_efficiency: 85 %}
              d: {kind: lfp, capacity: 1 GW, duration: 0.1 h, round_trip_efficiency: 85 %}
            """))
        #expect(p == [f.message("s.yaml", 9, 44, "technologies.b.duration", found: "\"0.05 h\"", expected: "a time (h, d, yr) from 0.1 h to 8 760 h (a year)")])
        let (g, q) = try problems(Fixture.scenario("""
            technologies:
              c: {kind: lfp, capacity: {2020: 1 GW, 2025: 3 GW}, energy: 0.2 GWh, round_trip_efficiency: 85 %}
            """))
        #expect(q == [g.message("s.yaml", 9, 62, "technologies.c.energy", found: "0.0909091 h of energy per unit of power in 2023",
                                expected: "at least 0.1 h (six minutes) while the unit has power")])
    }

    /// A stray exponent is stopped where it was written, not by the solver later; the
    /// ceiling is on the value as written (10 000 GW), whatever its unit.
    @Test func implausiblyLargeValues() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: 1e12 GW, full_load_hours: 2000 h}
              v: {kind: wind, capacity: 9000 GW, full_load_hours: 2000 h}
              u: {kind: wind, capacity: 1e8 万千瓦, full_load_hours: 2000 h, variable_cost: 2e6 yuan/MWh}
            """))
        let far = "far beyond any city's, and beyond what the dispatch can solve accurately"
        #expect(p == [
            f.message("s.yaml", 9, 29, "technologies.w.capacity", found: "\"1e12 GW\"", expected: "\(Self.power) of at most 10 000 GW: \(far)"),
            f.message("s.yaml", 11, 29, "technologies.u.capacity", found: "\"1e8 万千瓦\"", expected: "\(Self.power) of at most 10 000 GW: \(far)"),
            f.message("s.yaml", 11, 78, "technologies.u.variable_cost", found: "\"2e6 yuan/MWh\"",
                      expected: "an electricity price (yuan/MWh, yuan/kWh, 元/千瓦时) of at most 1 000 000 yuan/MWh: \(far)"),
        ])
    }

    /// A capacity below a kilowatt but not 0 is refused where it was written: 10⁻³⁰⁰ GW of
    /// storage came back with 10²⁸⁶ cycles. 0 and 1 kW pass.
    @Test func implausiblySmallValues() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: 1e-300 GW, full_load_hours: 2000 h}
              v: {kind: wind, capacity: 0 GW, full_load_hours: 2000 h}
              u: {kind: wind, capacity: 1 kW, full_load_hours: 2000 h}
              t: {kind: wind, capacity: 0.5 kW, full_load_hours: 2000 h}
            """))
        let noise = "the dispatch solves its flows to 10⁻⁹ of the city's, so a smaller one comes back as noise"
        #expect(p == [
            f.message("s.yaml", 9, 29, "technologies.w.capacity", found: "\"1e-300 GW\"", expected: "\(Self.power) of 0 or at least 1 kW (0.000001 GW): \(noise)"),
            f.message("s.yaml", 12, 29, "technologies.t.capacity", found: "\"0.5 kW\"", expected: "\(Self.power) of 0 or at least 1 kW (0.000001 GW): \(noise)"),
        ])
    }

    /// A milestone that no year of the scenario depends on — before the first year with
    /// another at or before it, after the last with another at or after it — is refused:
    /// `2003` written for 2030 left 2030 at the 2025 value. One just outside the years that
    /// frames them (2035 here, before any other) is used and passes.
    @Test func aMilestoneNoYearUsesIsRefused() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w:
                kind: wind
                full_load_hours: 2000 h
                capacity: {2003: 2.71 GW, 2020: 1 GW, 2025: 1.5 GW, 2035: 3 GW, 2040: 4 GW}
            """))
        let used = "milestones that a year of the scenario (2020–2030) depends on: values are linear between milestones and flat beyond them, "
            + "so no year uses this one (a slip of the year?)"
        #expect(p == [
            f.message("s.yaml", 12, 16, "technologies.w.capacity.2003", found: "a milestone in 2003, before the one in 2020", expected: used),
            f.message("s.yaml", 12, 69, "technologies.w.capacity.2040", found: "a milestone in 2040, after the one in 2035", expected: used),
        ])
    }

    /// A peak below the average load in a year between two milestones is reported at the
    /// milestone written wrong — the framing one whose own year fails too — not at the
    /// first milestone of the key.
    @Test(arguments: [("{2020: 2 GW, 2025: 2 GW, 2030: 0.5 GW}", [2028, 2029, 2030], 70), ("{2020: 2 GW, 2025: 0.5 GW, 2030: 2 GW}", [2023, 2024, 2025, 2026, 2027], 58)])
    func aPeakTooLowIsReportedAtItsMilestone(peak: String, years: [Int], column: Int) throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.header(demand: "{annual_energy: 10 TWh, peak: \(peak)}") + "technologies: {}\n")
        let problems = fixture.problems("s.yaml")
        #expect(problems.count == years.count, "\(problems)")
        for (problem, year) in zip(problems, years) {
            #expect(problem.hasPrefix(fixture.path("s.yaml") + ":5:\(column): error: demand.peak: found a peak of") && problem.contains(" in \(year), "), "\(problem)")
        }
    }

    /// A heat rate in kJ/kWh has no dimension left: the message calls it a number without
    /// dimension, not a fraction (%), which the user never wrote.
    @Test func aRatioOfLikeUnitsIsCalledANumberWithoutDimension() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              c: {kind: coal, capacity: 1 GW, heat_rate: 8800 kJ/kWh, fuel_price: 900 yuan/t}
            """))
        #expect(p == [
            f.message("s.yaml", 9, 46, "technologies.c.heat_rate", found: "\"8800 kJ/kWh\", a number without dimension", expected: "a heat rate (gce/kWh)"),
        ])
    }

    /// Hints for near misses: a compass letter without its degree sign, the typographic
    /// minus, and a percentage written as a word is still called a fraction.
    @Test func nearMissesGetHints() throws {
        let fixture = try Fixture()
        let written = "latitude: 27 °N, longitude: 111 °E"
        try fixture.write("s.yaml", Fixture.scenario("technologies: {}").replacingOccurrences(of: written, with: "latitude: 27 N, longitude: −111 °E"))
        #expect(fixture.problems("s.yaml") == [
            fixture.message("s.yaml", 3, 22, "location.latitude", found: "the unknown unit \"N\" (did you mean \"°N\"?)", expected: "an angle (°, deg)"),
            fixture.message("s.yaml", 3, 39, "location.longitude", found: "\"−111 °E\"",
                            expected: "an angle (°, deg): a number and a unit (with \"-\" for the sign: \"−\" is the typographic minus)"),
        ])
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              c: {kind: coal, capacity: 1 GW, heat_rate: 300 gce/kWh, fuel_price: 5 percent}
            """))
        #expect(p == [f.message("s.yaml", 9, 71, "technologies.c.fuel_price", found: "\"5 percent\", a fraction (%)",
                                expected: "a coal price (yuan/tce, or yuan/t of raw coal)")])
    }

    /// Events add up: a heat rate or a share is checked in every year once they are counted.
    @Test func eventsThatLeaveTheRange() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              c: {kind: coal, capacity: 1 GW, heat_rate: {2020: 300 gce/kWh, events: ["-400 gce/kWh in 2025"]}, fuel_price: 900 yuan/t}
            grid: {import_limit: 1 GW, export_limit: 1 GW, import_price: 400 yuan/MWh, export_price: 300 yuan/MWh,
                   non_fossil_share: {2020: 50 %, events: ["+30 % in 2024", "+30 % in 2026"]}}
            """))
        #expect(p == [
            f.message("s.yaml", 9, 75, "technologies.c.heat_rate.events[0]", found: "\"-400 gce/kWh in 2025\", which takes it to -100 gce/kWh in 2025",
                      expected: "\(HeatRateTests.range) in every year (check its events)"),
            f.message("s.yaml", 11, 65, "grid.non_fossil_share.events[1]", found: "\"+30 % in 2026\", which takes it to 110 % in 2026",
                      expected: "a fraction (%) between 0 % and 100 % in every year (check its events)"),
        ])
    }

    /// An empty name, id or path is a value left out, not one written.
    @Test func emptyTextsAreRefused() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, name: "", capacity: 1 GW, full_load_hours: 2000 h}
            targets:
              - {id: " ", kind: capacity, year: 2025, technologies: [w], at_least: 1 GW}
            """))
        #expect(p == [
            f.message("s.yaml", 9, 25, "technologies.w.name", found: "an empty text", expected: "a text"),
            f.message("s.yaml", 11, 10, "targets[0].id", found: "an empty text", expected: "a text"),
        ])
    }

    /// A target naming a technology whose own keys are wrong gets no second error calling
    /// the technology unknown: the one error says what to fix.
    @Test func targetOfATechnologyWithABadKey() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              c: {kind: coal, capacity: 1.32 gw, heat_rate: 305 gce/kWh, fuel_price: 900 yuan/t}
            targets:
              - {id: t, kind: capacity, year: 2025, technologies: [c], at_least: 1 GW}
            """))
        #expect(p == [
            f.message("s.yaml", 9, 29, "technologies.c.capacity", found: "the unknown unit \"gw\" (did you mean \"GW\"?)",
                      expected: "a power (kW, MW, GW, 万千瓦)"),
        ])
    }

    /// A share or curtailment threshold is a fraction, a count of hours fits in a year.
    @Test func targetThresholdsWithinTheirRange() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}
            targets:
              - {id: a, kind: non_fossil_share, year: 2025, at_least: 120 %}
              - {id: b, kind: curtailment, year: 2025, at_most: 101 %}
              - {id: c, kind: loss_of_load_hours, year: 2025, at_most: 9000 h}
              - {id: d, kind: non_fossil_share, year: 2025, at_least: 100 %}
              - {id: e, kind: non_fossil_share, year: 2025, at_least: 25 %, tolerance: 1e300 %}
            """))
        // A tolerance too (1e300 % printed a margin of 300 digits).
        #expect(p == [
            f.message("s.yaml", 11, 59, "targets[0].at_least", found: "\"120 %\"", expected: "a fraction (%) between 0 % and 100 %"),
            f.message("s.yaml", 12, 53, "targets[1].at_most", found: "\"101 %\"", expected: "a fraction (%) between 0 % and 100 %"),
            f.message("s.yaml", 13, 60, "targets[2].at_most", found: "\"9000 h\"", expected: "a time (h, d, yr) from 0 to 8760 h (the hours of a year)"),
            f.message("s.yaml", 15, 76, "targets[4].tolerance", found: "\"1e300 %\"", expected: "a fraction (%) between 0 % and 100 %"),
        ])
    }

    /// Exports that earn as much as imports cost make buying and selling at once free:
    /// refused in the first year it happens with both limits open, allowed without a link.
    @Test func exportPriceBelowImportPrice() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}
            grid: {import_limit: 1 GW, export_limit: {2020: 0 GW, 2024: 0 GW, 2025: 1 GW}, import_price: 450 yuan/MWh,
                   export_price: {2020: 500 yuan/MWh, 2026: 450 yuan/MWh}, non_fossil_share: 30 %}
            """))
        #expect(p == [
            f.message("s.yaml", 11, 29, "grid.export_price", found: "458.333 yuan/MWh in 2025, not below the import price of 450 yuan/MWh",
                      expected: "an export price below the import price in every year with both limits above zero (at an equal or higher price, buying and selling in the same hour costs nothing or pays)"),
        ])
    }

    /// A fuel's amount or price in a unit of CO₂ was read as raw coal: refused; CO₂ units
    /// stay where CO₂ is meant (a carbon price).
    @Test func fuelAmountsInUnitsOfCO2AreRefused() throws {
        let text = Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}
            """).replacingOccurrences(of: "coal: 1 Mtce", with: "coal: 3.01e6 tCO2")
            .replacingOccurrences(of: "costs: {value_of_lost_load: 20000 yuan/MWh}", with: "costs: {value_of_lost_load: 20000 yuan/MWh, carbon_price: 100 yuan/tCO2}")
        let (f, p) = try problems(text)
        #expect(p == [
            f.message("s.yaml", 6, 25, "non_power_fuels.coal", found: "\"3.01e6 tCO2\", in a unit of CO₂",
                      expected: "an amount of coal per year in t or tce: a fuel's own mass (t, not tCO2)"),
        ])
    }

    /// A value of lost load at or below the export price makes shedding load to export it
    /// pay: refused in the first year the link can export, allowed while it cannot.
    @Test func lostLoadValueAboveTheExportPrice() throws {
        let text = Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}
            grid: {import_limit: 1 GW, export_limit: {2020: 0 GW, 2024: 0 GW, 2025: 1 GW}, import_price: 450 yuan/MWh,
                   export_price: 300 yuan/MWh, non_fossil_share: 30 %}
            """)
        let (f, p) = try problems(text.replacingOccurrences(of: "20000 yuan/MWh", with: "300 yuan/MWh"))
        #expect(p == [
            f.message("s.yaml", 7, 29, "costs.value_of_lost_load", found: "300 yuan/MWh, not above the export price of 300 yuan/MWh in 2025",
                      expected: "a value of lost load above the export price in every year with an export limit above zero (below it, leaving load unserved to export the power pays)"),
        ])
        let fixture = try Fixture()
        _ = try fixture.write("ok.yaml", text.replacingOccurrences(of: "20000 yuan/MWh", with: "301 yuan/MWh"))
        #expect(try fixture.load("ok.yaml").costs.valueOfLostLoad == 301_000)
    }

    /// A provenance label says where numbers come from in words: a bare number or an
    /// empty text labels nothing.
    @Test func provenanceLabelsAreWords() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: {value: 1 GW, source: 123}, full_load_hours: {value: 2000 h, assumption: ""}}
              s: {kind: solar_centralised, capacity: {value: 1 GW, source: 省统计年鉴 2023}, full_load_hours: {value: 1000 h, sorce: x}}
            """))
        #expect(p == [
            f.message("s.yaml", 9, 51, "technologies.w.capacity.source", found: "\"123\"",
                      expected: "a line of text saying where the numbers come from (words, not a bare number)"),
            f.message("s.yaml", 9, 102, "technologies.w.full_load_hours.assumption", found: "\"\"",
                      expected: "a line of text saying where the numbers come from (words, not a bare number)"),
            f.message("s.yaml", 10, 110, "technologies.s.full_load_hours.sorce", found: "the unknown key \"sorce\" (did you mean \"source\"?)",
                      expected: "a key of a value with its provenance: value, source, assumption"),
        ])
    }

    /// An empty list is not taken for "nothing": a capacity must say what it is.
    @Test func emptyLists() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: [], full_load_hours: 2000 h}
            targets:
              - {id: t, kind: capacity, year: 2025, technologies: [], at_least: 1 GW}
            """))
        #expect(p == [
            f.message("s.yaml", 9, 29, "technologies.w.capacity", found: "an empty list", expected: "a list of events such as \"+30 MW in 2026\""),
            f.message("s.yaml", 11, 55, "targets[0].technologies", found: "an empty list", expected: "a list of technology kinds, groups or ids"),
        ])
    }

    @Test func storageWithBothEnergyAndDuration() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              b:
                kind: lfp
                capacity: 1 GW
                energy: 2 GWh
                duration: 2 h
                round_trip_efficiency: 85 %
            """))
        #expect(p == [
            f.message("s.yaml", 13, 15, "technologies.b.duration", found: "both energy and duration", expected: "one of them: energy (GWh) or duration (h)")
        ])
    }

    /// Milestones on a key that takes one value gave three messages ("value" missing, and
    /// each year an unknown key); one says what is wrong.
    @Test func milestonesOnASingleValueKey() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              b: {kind: lfp, capacity: 1 GW, duration: 2 h, round_trip_efficiency: {2020: 85 %, 2030: 90 %, source: "plan"}}
            """))
        #expect(p == [
            f.message("s.yaml", 9, 72, "technologies.b.round_trip_efficiency", found: "milestones by year (2020, 2030)",
                      expected: "a fraction (%) as one value: round_trip_efficiency takes one value for every year, not a trajectory by year")
        ])
    }

    @Test func minimumStableLoadAboveAvailableCapacity() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              p:
                kind: coal
                capacity: 1 GW
                heat_rate: 300 gce/kWh
                fuel_price: 900 yuan/t
                minimum_stable_load: {value: 98 %, assumption: "too high"}
                forced_outage_rate: 5 %
            """))
        #expect(p == [
            f.message("s.yaml", 14, 34, "technologies.p.minimum_stable_load", found: "98 % with a forced outage rate of 5 %",
                      expected: "a minimum stable load the available capacity can run at")
        ])
    }

    @Test func peakBelowTheAverageLoad() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.header(years: "{base: 2020, end: 2021}", demand: "{annual_energy: 8760 GWh, peak: 0.9 GW}") + "technologies: {}\n")
        let expected = "a peak at least the average load 1 GW (annual energy ÷ 8760 h)"
        #expect(fixture.problems("s.yaml") == [
            fixture.message("s.yaml", 5, 41, "demand.peak", found: "a peak of 0.9 GW in 2020", expected: expected),
            fixture.message("s.yaml", 5, 41, "demand.peak", found: "a peak of 0.9 GW in 2021", expected: expected),
        ])
    }

    @Test func unknownAccountingMethod() throws {
        let (f, p) = try problems(Fixture.scenario("technologies: {}").replacingOccurrences(of: "{method: calorific}", with: "{method: calorfic}"))
        #expect(p == [
            f.message("s.yaml", 4, 22, "accounting.method", found: "\"calorfic\"",
                      expected: "an accounting method: one of coal_equivalent, calorific (did you mean \"calorific\"?)")
        ])
    }

    @Test func coalEquivalentNeedsTheHeatRate() throws {
        let (f, p) = try problems(Fixture.scenario("technologies: {}").replacingOccurrences(of: "{method: calorific}", with: "{method: coal_equivalent}"))
        #expect(p == [
            f.message("s.yaml", 4, 13, "accounting.coal_power_heat_rate", found: "no value",
                      expected: "the average heat rate of coal power by year (gce/kWh), which the coal-equivalent method needs (\"coal_power_heat_rate\" is required)")
        ])
    }

    @Test func duplicateTargetIds() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies: {}
            targets:
              - {id: share, kind: non_fossil_share, year: 2025, at_least: 25 %}
              - {id: share, kind: non_fossil_share, year: 2030, at_least: 28 %}
            """))
        #expect(p == [f.message("s.yaml", 11, 5, "targets[1]", found: "a second target with the id \"share\"", expected: "ids that differ")])
        // Beside a target with a problem of its own, the repeated id is reported too.
        let (g, q) = try problems(Fixture.scenario("""
            technologies: {}
            targets:
              - {id: share, kind: non_fossil_share, year: 2025, at_least: 25 GW}
              - {id: share, kind: non_fossil_share, year: 2030, at_least: 28 %}
            """))
        #expect(q.count == 2 && q.last == g.message("s.yaml", 11, 5, "targets[1]", found: "a second target with the id \"share\"", expected: "ids that differ"), "\(q)")
    }

    @Test func aboutWithoutTolerance() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies: {}
            targets:
              - id: gas
                kind: fuel
                fuel: natural_gas
                year: 2025
                about: 3.35 亿立方米
            """))
        #expect(p == [
            f.message("s.yaml", 10, 5, "targets[0].tolerance", found: "no value",
                      expected: "how far from the value still counts as met (\"tolerance\" is required)")
        ])
    }

    @Test func everyProblemOfAFileAtOnce() throws {
        let (f, p) = try problems("""
            name: several
            years: {base: 2020, end: 2030}
            location: {latitude: 27 °N, longitude: 111 °E, utc_offset: 8 h}
            accounting: {method: calorific}
            demand: {annual_energy: 10 TWh, peak: 2}
            non_power_fuels: {coal: 1 Mtce, oil: 1 Mtce, natural_gas: 1 亿立方米}
            costs: {value_of_lost_load: 20000 yuan/MWh}
            technologies:
              w: {kind: wind, capacity: -1 GW, full_load_hours: 2000 h}
            targets:
              - {id: t, kind: capacity, year: 2025, technologies: [wnd], at_least: 1 GW}
            colour: blue

            """)
        #expect(p.count == 4)
        #expect(p == [
            f.message("s.yaml", 5, 39, "demand.peak", found: "the bare number 2", expected: "\(Self.power) with its unit"),
            f.message("s.yaml", 9, 29, "technologies.w.capacity", found: "\"-1 GW\"", expected: "\(Self.power) that is not negative"),
            f.message("s.yaml", 11, 56, "targets[0].technologies[0]", found: "the unknown technology \"wnd\" (did you mean \"wind\"?)",
                      expected: "a technology id (w), a kind (coal, gas, biomass, waste_to_energy, wind, solar_centralised, solar_distributed, run_of_river, "
                        + "reservoir_hydro, pumped_storage, lfp) or a group (bioenergy, hydro, solar, storage)"),
            f.message("s.yaml", 12, 1, "colour", found: "the unknown key \"colour\"",
                      expected: "a key of a scenario: name, description, years, location, weather, accounting, demand, non_power_fuels, technologies, grid, costs, targets"),
        ])
    }

    /// A technology with errors of its own is still offered for a misspelled name.
    @Test func aMisspelledTargetNameIsOfferedATechnologyWithErrors() throws {
        let (_, p) = try problems("""
            name: several
            years: {base: 2020, end: 2030}
            location: {latitude: 27 °N, longitude: 111 °E, utc_offset: 8 h}
            demand: {annual_energy: 10 TWh, peak: 2 GW}
            costs: {value_of_lost_load: 20000 yuan/MWh}
            technologies:
              baoqing: {kind: wind, capacity: -1 GW, full_load_hours: 2000 h}
              dongkou: {kind: solar_centralised, capacity: 1 GW, full_load_hours: 1000 h}
            targets:
              - {id: t, kind: capacity, year: 2025, technologies: [baoqnig], at_least: 1 GW}

            """)
        let message = try #require(p.first { $0.contains("targets[0].technologies[0]") })
        #expect(message.contains("the unknown technology \"baoqnig\" (did you mean \"baoqing\"?)"))
        #expect(message.contains("a technology id (baoqing, dongkou)"))
    }

    @Test func eventYearsInOtherDigitsAreRefusedNotACrash() throws {
        for year in ["２０２７", "٢٠٢٧", "20²7"] {
            let (f, p) = try problems(Fixture.scenario("""
                technologies:
                  w: {kind: wind, capacity: ["+1 GW in \(year)"], full_load_hours: 2000 h}
                """))
            #expect(p == [f.message("s.yaml", 9, 30, "technologies.w.capacity[0]", found: "\"+1 GW in \(year)\"",
                                    expected: "an event such as \"+30 MW in 2026\" or \"-0.66 GW on 2028-07-01\"")])
        }
    }

    @Test func milestoneYearsAreFourDigitsWrittenOnce() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w:
                kind: wind
                full_load_hours: 2000 h
                capacity:
                  2025: 1 GW
                  "2025": 3 GW
                  02026: 4 GW
                  -2030: 5 GW
                  2300: 6 GW
            """))
        #expect(p == [f.message("s.yaml", 14, 7, "technologies.w.capacity.2025", found: "the key \"2025\" a second time (first on line 13)", expected: "each key once")])
        let (g, q) = try problems(Fixture.scenario("""
            technologies:
              w:
                kind: wind
                full_load_hours: 2000 h
                capacity:
                  2025: 1 GW
                  02026: 4 GW
                  -2030: 5 GW
                  2300: 6 GW
            """))
        let years = "a year from 1900 to 2200 (such as 2025), events, source or assumption"
        #expect(q == [
            g.message("s.yaml", 14, 7, "technologies.w.capacity.02026", found: "\"02026\"", expected: years),
            g.message("s.yaml", 15, 7, "technologies.w.capacity.-2030", found: "\"-2030\"", expected: years),
            g.message("s.yaml", 16, 7, "technologies.w.capacity.2300", found: "\"2300\"", expected: years),
        ])
    }

    @Test func compassLettersBelongToTheirAxis() throws {
        let fixture = try Fixture()
        let written = "latitude: 27 °N, longitude: 111 °E"
        try fixture.write("s.yaml", Fixture.scenario("technologies: {}").replacingOccurrences(of: written, with: "latitude: 27 °W, longitude: 111 °S"))
        #expect(fixture.problems("s.yaml") == [
            fixture.message("s.yaml", 3, 22, "location.latitude", found: "\"27 °W\"", expected: "an angle in °, °N or °S: °W belongs to the other axis"),
            fixture.message("s.yaml", 3, 40, "location.longitude", found: "\"111 °S\"", expected: "an angle in °, °E or °W: °S belongs to the other axis"),
        ])
        try fixture.write("u.yaml", Fixture.scenario("technologies: {}").replacingOccurrences(of: written, with: "latitude: -27 °S, longitude: +111 °E"))
        #expect(fixture.problems("u.yaml") == [
            fixture.message("u.yaml", 3, 22, "location.latitude", found: "\"-27 °S\"", expected: "a sign or a compass letter, not both: °N or °S gives the direction"),
            fixture.message("u.yaml", 3, 41, "location.longitude", found: "\"+111 °E\"", expected: "a sign or a compass letter, not both: °E or °W gives the direction"),
        ])
        try fixture.write("t.yaml", Fixture.scenario("technologies: {}").replacingOccurrences(of: written, with: "latitude: 33.9 °S, longitude: 18.4 °E"))
        let location = try fixture.load("t.yaml").location
        #expect(location.latitude == -33.9 && location.longitude == 18.4)
    }

    @Test func aKeyWrittenTwiceIsShownWhereItIsRepeated() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w:
                kind: wind
                capacity: 1 GW
                full_load_hours: 2000 h
                # a comment between the two
                capacity: 2 GW
            """))
        #expect(p == [f.message("s.yaml", 14, 5, "technologies.w.capacity", found: "the key \"capacity\" a second time (first on line 11)", expected: "each key once")])
    }

    /// In a flow mapping too (it was "(yaml): … twice in one mapping" at the first one),
    /// across lines, past nested brackets, quoted text and a nested key of the same name;
    /// in a list the repeat is placed but has no key path.
    @Test func aKeyWrittenTwiceInAFlowMappingIsShownWhereItIsRepeated() throws {
        let (f, p) = try problems(Fixture.scenario("technologies: {}", years: "{base: 2020, end: 2030, base: 2025}"))
        #expect(p == [f.message("s.yaml", 2, 32, "years.base", found: "the key \"base\" a second time (first on line 2, column 9)", expected: "each key once")])
        let (g, q) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, name: "a, kind: {b}", power_curve: {kind: 3 m/s}, capacity: 1 GW,
                  full_load_hours: 2000 h, kind: wind}
            """))
        #expect(q == [g.message("s.yaml", 10, 32, "technologies.w.kind", found: "the key \"kind\" a second time (first on line 9)", expected: "each key once")])
        let (h, r) = try problems(Fixture.scenario("technologies: {}\ntargets: [{id: a, kind: capacity, id: b}]"))
        #expect(r == [h.message("s.yaml", 9, 35, "(yaml)", found: "the key \"id\" a second time (first on line 9, column 12)", expected: "each key once")])
    }

    @Test func bytesThatAreNotUTF8AreShownOnTheirLine() throws {
        let fixture = try Fixture()
        var data = Data(Fixture.scenario("technologies: {}").utf8)
        data.append(contentsOf: [0x23, 0x20, 0xFF, 0x0A])
        try data.write(to: URL(fileURLWithPath: fixture.path("s.yaml")))
        #expect(fixture.problems("s.yaml") == [fixture.message("s.yaml", 9, 1, "(file)", found: "bytes that are not UTF-8", expected: "a UTF-8 text file")])
    }

    @Test func aPeakBelowTheAverageLoadIsShownAtItsYearsMilestone() throws {
        let (f, p) = try problems(Fixture.header(demand: "{annual_energy: 10 TWh, peak: {2020: 2 GW, 2025: 2 GW, 2030: 1 GW}}") + "technologies: {}\n")
        #expect(p == [f.message("s.yaml", 5, 70, "demand.peak", found: "a peak of 1 GW in 2030",
                                expected: "a peak at least the average load 1.142 GW (annual energy ÷ 8760 h)")])
    }

    /// A peak written 100 times too high (286 GW for 286 万千瓦) gives a load factor of
    /// 0.55 %: one message, at the milestone of the year where the load factor is lowest,
    /// naming the other years the interpolation carries below 10 %. The highest peak shown,
    /// 13 800 GWh ÷ 8 760 h ÷ 0.1 = 15.7534… GW rounded down, is accepted, and 0.1 % more
    /// is not.
    @Test func aLoadFactorBelowTenPercentIsRefusedOnce() throws {
        let (f, p) = try problems(Fixture.header(years: "{base: 2020, end: 2030}", demand: "{annual_energy: 13800 GWh, peak: {2020: 2.14 GW, 2025: 286 GW, 2030: 3.65 GW}}")
            + "technologies: {}\n")
        #expect(p == [f.message("s.yaml", 5, 64, "demand.peak",
                                found: "a peak of 286 GW in 2025, a load factor of 0.5508 % (annual energy ÷ 8760 h ÷ peak); the load factor is below 10 % in 9 years, 2021 to 2029",
                                expected: "at most 15.753 GW with demand.annual_energy of 13800 GWh in 2025: a load factor of at least 10 % (a city's is 0.4–0.8), "
                                    + "so either the peak is too high or the annual energy too low")])
        let fixture = try Fixture()
        try fixture.write("b.yaml", Fixture.header(years: "{base: 2020, end: 2020}", demand: "{annual_energy: 13800 GWh, peak: 15.753 GW}") + "technologies: {}\n")
        #expect(try fixture.load("b.yaml").demand.peak.value(in: 2020) == 15.753)
        let (_, above) = try problems(Fixture.header(years: "{base: 2020, end: 2020}", demand: "{annual_energy: 13800 GWh, peak: 15.769 GW}") + "technologies: {}\n")
        #expect(above.count == 1)
    }

    @Test func rangeEndsSurviveTheirUnitsRounding() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", Fixture.scenario("""
            technologies:
              b: {kind: lfp, capacity: 1 GW, duration: 2 h, round_trip_efficiency: 85 %, calendar_degradation: 100 %/yr}
            """))
        let scenario = try fixture.load("s.yaml")
        guard case let .storage(storage) = scenario.technologies[0].parameters else {
            Issue.record("not storage")
            return
        }
        #expect(abs(storage.calendarDegradationPerYear - 1) < 1e-12)
    }

    @Test func valuesThatOnlyMakeTheDispatchIllConditionedAreRefused() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              b: {kind: lfp, capacity: 1 GW, duration: 1e6 h, round_trip_efficiency: 0.0001 %}
              c: {kind: coal, capacity: 1 GW, heat_rate: 300 gce/kWh, fuel_price: 1000 yuan/tce, ramp_rate: 1e-6 %/h, emission_factor: 1e300 tCO2/tce}
            """))
        #expect(p == [
            f.message("s.yaml", 9, 44, "technologies.b.duration", found: "\"1e6 h\"", expected: "a time (h, d, yr) from 0.1 h to 8 760 h (a year)"),
            f.message("s.yaml", 9, 74, "technologies.b.round_trip_efficiency", found: "\"0.0001 %\"", expected: "a fraction (%) from 10 % to 100 %"),
            f.message("s.yaml", 10, 97, "technologies.c.ramp_rate", found: "\"1e-6 %/h\"", expected: "a rate per time (%/min, %/h, %/d, %/yr) of at least 1 %/h"),
            f.message("s.yaml", 10, 124, "technologies.c.emission_factor", found: "\"1e300 tCO2/tce\"", expected: "an emission factor (tCO2/tce) from 0 to 10 tCO2/tce"),
        ])
    }

    @Test func scenarioErrorListsEveryDiagnostic() throws {
        let fixture = try Fixture()
        try fixture.write("s.yaml", "name: x\n")
        do {
            _ = try ScenarioLoader.load(path: fixture.path("s.yaml"))
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.map(\.path) == ["years", "location", "accounting", "demand", "non_power_fuels", "technologies", "costs"])
            #expect(error.diagnostics.allSatisfy { $0.location == SourceLocation(file: fixture.path("s.yaml"), line: 1, column: 1) && $0.found == "no value" })
            #expect(error.description.split(separator: "\n").count == 7)
        }
    }

    @Test func suggestionsAreCloseTyposOnly() {
        #expect(Suggestion.closest(to: "capacty", among: ["kind", "capacity"]) == "capacity")
        #expect(Suggestion.closest(to: "baoqnig", among: ["baoqing"]) == "baoqing")
        #expect(Suggestion.closest(to: "colour", among: ["name", "costs"]) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("ab", "ba") == 1)
        // Ties go to the alphabetically first, whatever order the candidates come in.
        #expect(Suggestion.closest(to: "MV", among: ["MW", "MJ"]) == "MJ")
        #expect(Suggestion.closest(to: "MV", among: ["MJ", "MW"]) == "MJ")
    }
}
