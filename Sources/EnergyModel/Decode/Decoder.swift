import Foundation

/// A value to decode: its node, its key path and the provenance it inherits.
struct Field {
    var node: SourceNode
    var path: String
    var provenance: Provenance?

    func child(_ key: String, _ node: SourceNode, _ provenance: Provenance?) -> Field {
        Field(node: node, path: path.isEmpty ? key : "\(path).\(key)", provenance: provenance)
    }

    func element(_ index: Int, _ node: SourceNode) -> Field {
        Field(node: node, path: "\(path)[\(index)]", provenance: provenance)
    }
}

/// Turns a located YAML tree into typed values, collecting every problem instead of
/// stopping at the first, and recording every number with its provenance.
final class Decoder {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var numbers: [NumberRecord] = []
    /// Where each CSV series' key was written (`Scenario.keyLocations`).
    var keyLocations: [String: SourceLocation] = [:]
    /// The scenario's year range, once decoded; years outside it are errors.
    var years: ClosedRange<Int>?
    /// Ids of technologies written in the scenario whose own keys failed to decode (and
    /// were reported): a target naming one is not valid, but the name is not unknown.
    var undecodedTechnologies: Set<String> = []
    /// Every well-formed technology id in the scenario, in its order, decoded or not: the
    /// ids an unknown name in a target is offered.
    var technologyIDs: [String] = []
    /// The file a path is relative to, for a value from a place that is not a file: a
    /// `--set` option's paths are relative to the scenario, as the file's own would be.
    var pathBases: [String: String] = [:]
    // The patterns of the decoder's texts, built once a decoder: a regex literal in the
    // function that reads a text builds and compiles its program at every call, which took
    // 1–2 % of a sweep point's time (each point decodes the scenario with its axis values).

    /// A trajectory's event, "+30 MW in 2026" or "-0.66 GW on 2028-07-01": sign, amount,
    /// in/on, year, month, day.
    /// Digits are ASCII only: `\d` would also take "２０２７" or "٢٠٢٧", which `Int` refuses.
    let eventPattern = /^\s*([+-])\s*(.+?)\s+(in|on)\s+([0-9]{4})(?:-([0-9]{1,2})-([0-9]{1,2}))?\s*$/
    /// A milestone's year as a key: four ASCII digits.
    let yearKeyPattern = /[0-9]{4}/
    /// The years a milestone may name: those a base year may be, 1900–2200.
    static let milestoneYears = 1900...2200
    /// A technology id: a letter, then letters, digits, "_" or "-".
    let identifierPattern = /[A-Za-z][A-Za-z0-9_\-]*/
    /// "MM-DD", a day of the year.
    let dayPattern = /([0-9]{1,2})-([0-9]{1,2})/
    /// A span such as "10-14".
    let spanPattern = /\s*([0-9]{1,2})\s*-\s*([0-9]{1,2})\s*/

    func fail(_ field: Field, found: String? = nil, expected: String) {
        fail(at: field.node.location, field.path, found: found ?? field.node.summary, expected: expected)
    }

    func fail(at location: SourceLocation, _ path: String, found: String, expected: String) {
        diagnostics.append(Diagnostic(location: location, path: path, found: found, expected: expected))
    }

    func record(_ field: Field, text: String) {
        numbers.append(NumberRecord(location: field.node.location, path: field.path, text: text, provenance: field.provenance))
    }

    // MARK: Scalars

    /// A scalar's text; an empty one (or only spaces) is refused: an empty name, id or
    /// path is a value left out, not one written. So is one holding a control character,
    /// unless `printable` is false (a description, which may run over lines and is not
    /// printed): names, ids and notes are printed to the terminal, where an ESC rewrites
    /// what it shows, and `--set` values refuse them too.
    func text(_ field: Field, expected: String = "a text", printable: Bool = true) -> String? {
        guard var text = field.node.scalarText else {
            fail(field, expected: expected)
            return nil
        }
        // The line break a folded or literal block (`note: >`) ends with is YAML's, not the
        // writer's; a quoted text's (`"x\n"`) is the writer's, and refused below.
        if case .scalar(_, quoted: false) = field.node.value, text.hasSuffix("\n") { text.removeLast() }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            fail(field, found: "an empty text", expected: expected)
            return nil
        }
        if printable, let shown = Diagnostic.controlCharacter(in: text) {
            fail(field, found: "the control character \(shown)", expected: "\(expected) on one line of printable text")
            return nil
        }
        return text
    }

    func integer(_ field: Field, expected: String) -> Int? {
        guard let text = field.node.scalarText, let value = Int(text) else {
            fail(field, expected: expected)
            return nil
        }
        return value
    }

    func bool(_ field: Field) -> Bool? {
        switch field.node.scalarText?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            fail(field, expected: "true or false")
            return nil
        }
    }

    /// A year inside the scenario's range (or any year before that range is known).
    func year(_ field: Field) -> Int? {
        guard let year = integer(field, expected: "a year such as 2025") else { return nil }
        if let years, !years.contains(year) {
            fail(field, found: "the year \(year)", expected: "a year from \(years.lowerBound) to \(years.upperBound) (the scenario's years)")
            return nil
        }
        return year
    }

    func choice<E: RawRepresentable & CaseIterable>(_ field: Field, _ type: E.Type, what: String) -> E? where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        guard let text = field.node.scalarText, let value = E(rawValue: text) else {
            let found = field.node.scalarText.map { "\"\($0)\"" } ?? field.node.summary
            let hint = field.node.scalarText.map { Suggestion.phrase(for: $0, among: names) } ?? ""
            fail(field, found: found, expected: "\(what): one of \(names.joined(separator: ", "))\(hint)")
            return nil
        }
        return value
    }

    // MARK: Quantities

    /// A quantity of one dimension, in canonical units, with its range checked.
    /// Written as `1.32 GW` or as `{value: 1.32 GW, source: …}`.
    func quantity(_ field: Field, _ dimension: Dimension, _ check: Check = .any) -> Double? {
        quantity(field, accepting: [dimension: 1], check, named: dimension.description)
    }

    /// A quantity in one of several dimensions, each converted by its factor into the
    /// first's units (e.g. raw coal in t × 0.7143 → tce).
    func quantity(_ field: Field, accepting conversions: [Dimension: Double], _ check: Check, named: String) -> Double? {
        guard let (text, valueField) = scalarWithProvenance(field, expected: named) else { return nil }
        switch Quantity.parse(text) {
        case let .failure(.bareNumber(number)):
            fail(valueField, found: "the bare number \(Self.format(number))", expected: "\(named) with its unit")
            return nil
        case .failure(.notANumber):
            // The typographic minus (U+2212) looks like "-" but is not one.
            let minus = text.contains("\u{2212}") ? " (with \"-\" for the sign: \"−\" is the typographic minus)" : ""
            fail(valueField, found: "\"\(text)\"", expected: "\(named): a number and a unit\(minus)")
            return nil
        case .failure(.outOfRange):
            fail(valueField, found: "\"\(text)\", a number a double cannot hold", expected: "\(named) between about 10⁻³⁰⁸ and 10³⁰⁸ in size, or 0")
            return nil
        case let .failure(.unknownUnit(unit)):
            // A compass letter without its degree sign (27 N) is one edit from "%" as much as from "°N".
            // A unit that starts with digits is the rest of a number written with a
            // thousands separator (13 800 GWh), which no unit table could suggest.
            let compass = ["N", "S", "E", "W"].first { $0 == unit.uppercased() }
            let number = Quantity.halfWidth(text).dropLast(unit.count).trimmingCharacters(in: .whitespaces)
            let separated = Self.joinedDigitGroups(number: number, unit: unit)
                .map { " (a number with a space inside: write \"\($0)\")" }
            let hint = separated ?? Self.commaReadings(number: number, unit: unit) ?? compass.map { " (did you mean \"°\($0)\"?)" } ?? UnitTable.suggestion(for: unit, accepting: Set(conversions.keys)).map { " (did you mean \"\($0)\"?)" } ?? ""
            fail(valueField, found: "the unknown unit \"\(unit)\"\(hint)", expected: named)
            return nil
        case let .success(quantity):
            // A fuel's amount or price (a key that takes standard coal) in a unit of CO₂:
            // `3.01e6 tCO2` of coal was read as 3.01 Mt of raw coal.
            if conversions[.coal] != nil || conversions[.coalPrice] != nil, text.contains("CO2") {
                fail(valueField, found: "\"\(text)\", in a unit of CO₂", expected: "\(named): a fuel's own mass (t, not tCO2)")
                return nil
            }
            guard let factor = conversions[quantity.dimension] else {
                // A ratio of like units (kJ/kWh, tCO2/t) has no dimension left: it is a
                // pure number, not the percentage `fraction`'s name would say.
                let written = quantity.dimension == .fraction && text.contains("/") ? "a number without dimension" : quantity.dimension.description
                fail(valueField, found: "\"\(text)\", \(written)", expected: named)
                return nil
            }
            record(valueField, text: text)
            let value = quantity.value * factor
            if let problem = check.problem(value) {
                fail(valueField, found: "\"\(text)\"", expected: "\(named) \(problem)")
                return nil
            }
            if let ceiling = quantity.dimension.ceiling, abs(quantity.value) > ceiling.value {
                fail(valueField, found: "\"\(text)\"", expected: "\(named) of at most \(ceiling.text): far beyond any city's, and beyond what the dispatch can solve accurately")
                return nil
            }
            if let floor = quantity.dimension.floor, quantity.value != 0, abs(quantity.value) < floor.value {
                fail(valueField, found: "\"\(text)\"", expected: "\(named) of 0 or at least \(floor.text): the dispatch solves its flows to 10⁻⁹ of the city's, so a smaller one comes back as noise")
                return nil
            }
            return value
        }
    }

    /// A number without a unit (a Weibull shape, a ratio), range-checked.
    func plainNumber(_ field: Field, _ check: Check, named: String) -> Double? {
        guard let (text, valueField) = scalarWithProvenance(field, expected: named) else { return nil }
        guard let value = Quantity.decimal(text.trimmingCharacters(in: .whitespaces)) else {
            fail(valueField, found: "\"\(text)\"", expected: "\(named): a number without a unit")
            return nil
        }
        record(valueField, text: text)
        if let problem = check.problem(value) {
            fail(valueField, found: "\"\(text)\"", expected: "\(named) \(problem)")
            return nil
        }
        return value
    }

    /// `value` and milestones in one mapping: most often one file's `{value: …}` merged
    /// key by key with another's milestones by `extends:`, or the other way round. One
    /// message at `value` that says where each form came from, rather than each year an
    /// unknown key in a file the analyst did not touch.
    private func reportValueBesideMilestones(_ field: Field, value: SourceNode.Entry, milestones: [SourceNode.Entry]) {
        let names = milestones.map(\.key).joined(separator: ", ")
        let key = field.path.split(separator: ".").last.map(String.init) ?? field.path
        guard let other = milestones.first(where: { $0.keyLocation.file != value.keyLocation.file }) else {
            fail(at: value.keyLocation, field.path, found: "both value and milestones by year (\(names))",
                 expected: "one of the two: \(key): {value: …} for one value in every year, or milestones by year")
            return
        }
        fail(at: value.keyLocation, field.path,
             found: "value, merged with the milestones \(names) of \(other.keyLocation.file):\(other.keyLocation.line) (extends: merges mappings key by key)",
             expected: "one form: in the file that extends, \(key): VALUE alone replaces the whole mapping, and ~ removes a key of the other file (value: ~, or YEAR: ~)")
    }

    /// The scalar text of a value, unwrapping the `{value: …, source: …}` form; the
    /// returned field carries the provenance that applies to the number.
    func scalarWithProvenance(_ field: Field, expected: String) -> (String, Field)? {
        if let text = field.node.scalarText { return (text, field) }
        guard let entries = field.node.entries else {
            fail(field, expected: expected)
            return nil
        }
        // Milestones written for a key that takes one value: one message that says so,
        // rather than "value" missing and each year an unknown key.
        let years = entries.map(\.key).filter { $0.wholeMatch(of: yearKeyPattern) != nil || $0 == "events" }
        if let value = entries.first(where: { $0.key == "value" }), !years.isEmpty {
            reportValueBesideMilestones(field, value: value, milestones: entries.filter { years.contains($0.key) })
            return nil
        }
        if !years.isEmpty {
            let key = field.path.split(separator: ".").last.map(String.init) ?? field.path
            fail(field, found: "milestones by year (\(years.joined(separator: ", ")))",
                 expected: "\(expected) as one value: \(key) takes one value for every year, not a trajectory by year")
            return nil
        }
        guard var reader = MappingReader(field, self, expected: expected) else { return nil }
        let value = reader.required("value", expected: expected)
        reader.finish(subject: "a value with its provenance", listingLabels: true)
        guard let value else { return nil }
        guard let text = value.node.scalarText else {
            fail(value, expected: expected)
            return nil
        }
        return (text, value)
    }

    /// The readings of a number with a comma inside (`1,320 MW` read as `1` and the unit
    /// `,320 MW`): capsim reads neither thousands separators nor decimal commas, and
    /// which one the comma is only the writer knows. Nil unless `unit` starts with a comma
    /// and a digit.
    static func commaReadings(number: String, unit: String) -> String? {
        guard unit.first == ",", let digit = unit.dropFirst().first, digit.isASCII, digit.isNumber else { return nil }
        let whole = number + unit
        let thousands = whole.replacingOccurrences(of: ",", with: "")
        let decimal = whole.filter { $0 == "," }.count == 1 ? ", \"\(whole.replacingOccurrences(of: ",", with: "."))\" if it is a decimal comma" : ""
        return " (a comma inside a number: write \"\(thousands)\" if it separates thousands\(decimal))"
    }

    /// `number` and the digit groups that start `unit`, joined (`13` and `800 000 GWh` →
    /// `13800000 GWh`): a thousands separator read as the start of a unit. Nil unless
    /// `number` is a whole number of up to three digits and each group has three, as
    /// such separators make them (`1.5 000` or `1e3 000` are not one number written so).
    static func joinedDigitGroups(number: String, unit: String) -> String? {
        func isDigits(_ text: Substring) -> Bool { !text.isEmpty && text.utf8.allSatisfy { (48...57).contains($0) } }
        let lead = number.drop { $0 == "-" || $0 == "+" }
        guard isDigits(lead[...]), lead.count <= 3 else { return nil }
        var groups: [Substring] = [], rest = unit[...]
        while isDigits(rest.prefix(3)), rest.prefix(3).count == 3, rest.dropFirst(3).first.map({ !($0.isASCII && $0.isNumber) }) ?? true {
            groups.append(rest.prefix(3))
            rest = rest.dropFirst(3)
            guard rest.first == " ", let next = rest.dropFirst().first, next.isASCII, next.isNumber else { break }
            rest = rest.dropFirst()
        }
        guard !groups.isEmpty else { return nil }
        return number + groups.joined() + rest
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

/// A range check on a decoded quantity (in canonical units).
enum Check {
    case any
    case nonNegative
    case positive
    /// A fraction from 0 to 1 (0 % to 100 %).
    case fraction
    /// A fraction above 0 and at most 1, such as an efficiency.
    case efficiency
    case within(ClosedRange<Double>, String)

    func problem(_ value: Double) -> String? {
        switch self {
        case .any: nil
        case .nonNegative: value >= 0 ? nil : "that is not negative"
        case .positive: value > 0 ? nil : "above zero"
        case .fraction: (0...1).contains(value) ? nil : "between 0 % and 100 %"
        case .efficiency: value > 0 && value <= 1 ? nil : "above 0 % and at most 100 %"
        case let .within(range, text): Self.contains(range, value) ? nil : text
        }
    }

    /// Whether `range` holds `value`, give or take the rounding of a unit conversion at its
    /// ends: `100 %/yr` is 100 × 0.01/8760 per hour, an ulp away from the end 1/8760.
    private static func contains(_ range: ClosedRange<Double>, _ value: Double) -> Bool {
        let slack = 1e-12
        return value >= range.lowerBound - slack * abs(range.lowerBound) && value <= range.upperBound + slack * abs(range.upperBound)
    }
}
