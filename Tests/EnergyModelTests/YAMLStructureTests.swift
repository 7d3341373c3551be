import Foundation
import Testing
@testable import EnergyModel

/// How the structure of a scenario's YAML is read: line breaks as the parser counts
/// them, keys repeated under another quoting, tags, merge keys, aliases as keys, and
/// control characters in the texts that are printed.
@Suite struct YAMLStructureTests {
    static let tagExpected = "a value without a tag: capsim reads YAML's plain values (text, numbers, mappings, lists)"

    /// Writes `text` as s.yaml and returns the fixture and the problems found.
    func problems(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Fixture, [String]) {
        let fixture = try Fixture()
        try fixture.write("s.yaml", text)
        return (fixture, fixture.problems("s.yaml", sourceLocation: sourceLocation))
    }

    /// A fixture holding `Fixture.scenario(base)` as base.yaml and `variant` as v.yaml.
    func variant(_ variant: String, base: String) throws -> Fixture {
        let fixture = try Fixture()
        try fixture.write("base.yaml", Fixture.scenario(base))
        try fixture.write("v.yaml", "extends: base.yaml\n" + variant)
        return fixture
    }

    @Test func linesEndAtEachBreakTheParserCounts() {
        #expect(TextLines.lines(of: "a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        #expect(TextLines.lines(of: "a\n\r\n") == ["a", "", ""])
        #expect(TextLines.lines(of: "é\u{301}\r\n") == ["é\u{301}", ""])
        #expect(TextLines.position(of: 5, in: Array("a\r\nbc\rd".unicodeScalars)) == (line: 2, column: 3))
        #expect(DuplicateKey.path(of: "k", line: 9, column: 3, lines: ["a:", "  k: 1"]) == nil)
    }

    /// "\r\n" is one Character to Swift, so a CRLF file split at "\n" was one line long and
    /// the key path of a repeated key indexed past it (a crash); now it is read as with LF.
    @Test func aCRLFFileIsReadAsAnLFFileIs() throws {
        let (f, p) = try problems("name: x\r\nlocation:\r\n  latitude: {value: 27 °N, value: 28 °N}\r\n")
        #expect(p == [f.message("s.yaml", 3, 28, "location.latitude.value", found: "the key \"value\" a second time (first on line 3, column 14)", expected: "each key once")])
        let (g, q) = try problems("name: x\r\nlocation:\r\n  time_zone: a\r\n\r\n  time_zone: b\r\n")
        #expect(q == [g.message("s.yaml", 5, 3, "location.time_zone", found: "the key \"time_zone\" a second time (first on line 3)", expected: "each key once")])
        let (h, r) = try problems("name: x\r\nyears:\r\n  base: 2020\r\n\tend: 2030\r\n")
        #expect(r == [h.message("s.yaml", 4, 1, "(yaml)", found: "a syntax error: found a tab character that violates indentation (while scanning a plain scalar) (the line has a tab: YAML indents with spaces only)",
                                expected: "valid YAML")])
        let (i, s) = try problems(Fixture.scenario("technologies:\n  w: {kind: wind, capacity: 3 XW, full_load_hours: 2000 h}").replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(s == [i.message("s.yaml", 9, 29, "technologies.w.capacity", found: "the unknown unit \"XW\" (did you mean \"GW\"?)", expected: "a power (kW, MW, GW, 万千瓦)")])
    }

    /// The parser compares keys by text and type, so `2020:` and `"2020":` (or `off:` and
    /// `"off":`) were two keys, and the last one silently won.
    @Test func aKeyRepeatedUnderOtherQuotingIsRefused() throws {
        let f = try variant("""
            technologies:
              plant:
                capacity:
                  2020: 0.7 GW
                  "2020": 5 GW
            """, base: "technologies:\n  plant: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}")
        #expect(f.problems("v.yaml") == [f.message("v.yaml", 6, 7, "technologies.plant.capacity.2020", found: "the key \"2020\" a second time (first on line 5)", expected: "each key once")])
        for id in ["off", "on", "yes", "no", "true"] {
            let (g, p) = try problems(Fixture.scenario("technologies:\n  \(id): {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}\n  '\(id)': {kind: wind, capacity: 2 GW, full_load_hours: 2000 h}"))
            #expect(p == [g.message("s.yaml", 10, 3, "technologies.\(id)", found: "the key \"\(id)\" a second time (first on line 9)", expected: "each key once")], "\(id)")
        }
        let (h, q) = try problems(Fixture.scenario("technologies:\n  w: {kind: wind, capacity: {2020: 1 GW, \"2020\": 2 GW}, full_load_hours: 2000 h}"))
        #expect(q == [h.message("s.yaml", 9, 42, "technologies.w.capacity.2020", found: "the key \"2020\" a second time (first on line 9, column 30)", expected: "each key once")])
    }

    /// `!!str ~` is the text "~": read as null, it removed the base's value in a variant.
    @Test func aValueTaggedAsTextIsText() throws {
        let root = try ScenarioSource.parse("a: !!str ~\nb: ! null\nc: ~\nd: !!str 2 GW\n", file: "t.yaml")
        let values = root.entries?.map(\.value.value)
        guard let values, values.count == 4, case .scalar("~", quoted: false) = values[0], case .scalar("null", quoted: false) = values[1],
              case .null = values[2], case .scalar("2 GW", quoted: false) = values[3] else {
            Issue.record("read as \(String(describing: values))")
            return
        }
        let f = try variant("name: !!str ~\n", base: "technologies: {}")
        #expect(try f.load("v.yaml").name == "~")
    }

    /// A key's tag was filled in by the parser from its text, and reported as written:
    /// `<<` as `!!merge`, `2025-01-01` as `!!timestamp`, `=` as `!!value`.
    @Test func keysAreNotReportedForTagsNobodyWrote() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w:
                kind: wind
                full_load_hours: 2000 h
                =: 1
                capacity:
                  2025-01-01: 1 GW
            """))
        #expect(p == [
            f.message("s.yaml", 14, 7, "technologies.w.capacity.2025-01-01", found: "\"2025-01-01\"", expected: "a year from 1900 to 2200 (such as 2025), events, source or assumption"),
            f.message("s.yaml", 12, 5, "technologies.w.=", found: "the unknown key \"=\"", expected: DiagnosticTests.windKeys),
        ])
        let (g, q) = try problems(Fixture.scenario("technologies:\n  w: &w {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}\n  v:\n    <<: *w\n    capacity: 2 GW"))
        #expect(q == [g.message("s.yaml", 11, 5, "technologies.v", found: "the merge key <<", expected: "the keys written out: capsim does not read merge keys (<<: *name)")])
        #expect(parseProblems("!!bool 2025: 1\n!!str <<: 2\n") == ["t.yaml:1:1: error: (yaml): found the tag !!bool, expected \(Self.tagExpected)"])
        #expect(parseProblems("!!str <<: 2\n!!int 2025: 1\n").isEmpty)
    }

    /// The parser counts U+2028, U+2029 and U+0085 as line breaks and editors do not:
    /// every line number after one was one too many.
    @Test func lineBreaksEditorsDoNotShowAreRefusedWhereTheyAre() throws {
        let expected = "text without it: it can be removed (or replaced by a space), and line numbers after it would be wrong"
        for (character, name) in [("\u{2028}", "the line separator U+2028"), ("\u{2029}", "the paragraph separator U+2029"), ("\u{85}", "the next-line character U+0085")] {
            let (f, p) = try problems("name: x\r\n# \(character)\nname2: \"Shaoyang\(character)plan\"\n")
            #expect(p == [f.message("s.yaml", 2, 3, "(yaml)", found: "\(name), which YAML reads as a line break and editors do not show", expected: expected)], "\(name)")
        }
    }

    /// The scenario's name is printed to the terminal, where ESC or U+009B start a
    /// sequence that rewrites what it shows; so are technology names and target ids and
    /// notes. A description, never printed, may run over lines.
    @Test func printedTextsHoldNoControlCharacters() throws {
        let (f, p) = try problems(Fixture.scenario("""
            technologies:
              w: {kind: wind, name: "a\\x9Bb", capacity: 1 GW, full_load_hours: 2000 h}
            targets:
              - {id: "t\\x7F", kind: capacity, year: 2025, technologies: [w], at_least: 1 GW, note: "n\\tm"}
            """).replacingOccurrences(of: "name: fixture", with: "name: \"fixture \\e[2J\"\ndescription: |\n  two\n  lines"))
        let expected = "a text on one line of printable text"
        #expect(p == [
            f.message("s.yaml", 1, 7, "name", found: "the control character \\u{1B}", expected: expected),
            f.message("s.yaml", 12, 25, "technologies.w.name", found: "the control character \\u{9B}", expected: expected),
            f.message("s.yaml", 14, 10, "targets[0].id", found: "the control character \\u{7F}", expected: expected),
            f.message("s.yaml", 14, 88, "targets[0].note", found: "the control character \\t", expected: expected),
        ])
        #expect(Diagnostic.controlCharacter(in: "plain 万千瓦") == nil)
        // A folded block ends with a line break YAML adds, which is not the writer's.
        let fixture = try Fixture()
        try fixture.write("n.yaml", Fixture.scenario("""
            technologies:
              w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}
            targets:
              - id: t
                kind: capacity
                year: 2025
                technologies: [w]
                at_least: 1 GW
                note: >
                  the plan's
                  wording
            """))
        #expect(try fixture.load("n.yaml").targets.first?.note == "the plan's wording")
        // A quoted text's line break is the writer's: refused, not dropped.
        try fixture.write("q.yaml", Fixture.scenario("technologies:\n  w: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}")
            .replacingOccurrences(of: "name: fixture", with: "name: \"fixture\\n\""))
        #expect(fixture.problems("q.yaml") == [fixture.message("q.yaml", 1, 7, "name", found: "the control character \\n", expected: "a text on one line of printable text")])
    }

    /// A key aliasing a list of aliases took the parser 35 s to compare with the other
    /// keys; it is refused from the text, before parsing.
    @Test func anAliasAsAMappingKeyIsRefusedBeforeParsing() throws {
        var lines = ["name: x", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...7 { lines.append("a\(level): &a\(level) [" + [String](repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        let (f, p) = try problems((lines + ["k: {*a7 : 1}"]).joined(separator: "\n") + "\n")
        #expect(p == [f.message("s.yaml", 10, 5, "(yaml)", found: "the alias *a7 as a mapping key", expected: "a key written out: an alias (*name) may stand for a value, not a key")])
        for (text, line, column) in [("a: &a x\n*a: 1\n", 2, 1), ("a: &a x\nb:\n  - *a : 1\n", 3, 5), ("a: &a x\n? *a\n: 1\n", 2, 3),
                                     ("a: &a x\nb: [1, {c: 2, *a: 1}]\n", 2, 15), ("a: &a x\nb: {c: [*a], d: &d {*a: 1}}\n", 2, 21)] {
            #expect(AliasKeyScan.firstAliasKey(in: text).map { [$0.line, $0.column] } == [line, column], "\(text)")
        }
        // `''` is a quote inside single quotes: the text after it is still quoted.
        let values = "a: &a x\nb: *a\nc: [*a, *a]\nd: {e: *a}\nf: \"*a: 1\"\ng: 'it''s *a: 1' # *a: 1\nh: |\n  *a: 1\n  more\ni: 2*3: 1\n"
            + "j: 'the plan''s wording: *Note: 25 %'\nk: {l: 'it''s: *m: x'}\n"
        #expect(AliasKeyScan.firstAliasKey(in: values) == nil)
    }
}
