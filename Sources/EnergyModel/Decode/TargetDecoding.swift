extension Decoder {
    /// `targets:` is a list; each target has an id, a kind, a year, and exactly one of
    /// `at_least`, `at_most`, `about` with an optional `tolerance` in the same unit.
    func targets(_ field: Field, _ technologies: [Technology], _ rules: AccountingRules) -> [Target]? {
        guard case let .sequence(items) = field.node.value else {
            fail(field, expected: "a list of targets")
            return nil
        }
        var result: [Target] = []
        var seen: Set<String> = []
        var valid = true
        for (index, item) in items.enumerated() {
            let element = field.element(index, item)
            // The id counts even when the rest of its target is wrong: a repeated id was
            // reported only once the other target's problem was fixed.
            var written: String?
            if case let .mapping(entries) = item.value { written = entries.first { $0.key == "id" }?.value.scalarText }
            if let written, !written.trimmingCharacters(in: .whitespaces).isEmpty, !seen.insert(written).inserted {
                fail(element, found: "a second target with the id \"\(written)\"", expected: "ids that differ")
                valid = false
            }
            guard let target = target(element, technologies, rules) else {
                valid = false
                continue
            }
            result.append(target)
        }
        return valid ? result : nil
    }

    private func target(_ field: Field, _ technologies: [Technology], _ rules: AccountingRules) -> Target? {
        guard var reader = MappingReader(field, self, expected: "a target with id, kind, year and at_least, at_most or about") else { return nil }
        let id = reader.required("id", expected: "the target's id").flatMap { text($0) }
        let kind = reader.required("kind", expected: "what the target counts").flatMap { choice($0, Target.Kind.self, what: "a target kind") }
        let year = reader.required("year", expected: "the year the target is for").flatMap(year)
        let strive = reader.optional("strive").flatMap(bool) ?? false
        let note = reader.optional("note").flatMap { text($0) }
        let selectorsField = reader.optional("technologies")
        let sinceField = reader.optional("since")
        let fuelField = reader.optional("fuel")
        let comparisons: [(Target.Comparison, Field)] = [Target.Comparison.atLeast, .atMost, .about].compactMap { c in
            reader.optional(c.rawValue).map { (c, $0) }
        }
        let toleranceField = reader.optional("tolerance")
        reader.finish(subject: "a target")
        let selection = selectorsField.flatMap { selectTechnologies($0, technologies) }
        guard let id, let kind, let year else { return nil }
        let fuel = fuelField.flatMap { choice($0, Target.Fuel.self, what: "a fuel") }
        guard let dimensions = dimensions(kind, fuel, rules) else {
            if fuelField != nil, fuel == nil { return nil }
            _ = reader.required("fuel", expected: "the fuel counted: coal, oil or natural_gas")
            return nil
        }
        guard comparisons.count == 1, let (comparison, valueField) = comparisons.first else {
            fail(field, found: comparisons.isEmpty ? "no threshold" : "\(comparisons.map(\.0.rawValue).joined(separator: " and "))",
                 expected: "exactly one of at_least, at_most, about")
            return nil
        }
        let range: Check = switch kind {
        case .nonFossilShare, .curtailment: .fraction
        case .lossOfLoadHours: .within(0...8760, "from 0 to 8760 h (the hours of a year)")
        default: .nonNegative
        }
        guard let required = quantity(valueField, accepting: dimensions.accepted, range, named: dimensions.named) else { return nil }
        let written = valueField.node.scalarText ?? valueField.node.entries?.first { $0.key == "value" }?.value.scalarText ?? ""
        let display = displayUnit(written, dimensions.accepted)
        var tolerance = 0.0
        if let toleranceField {
            // Within the threshold's own range: a tolerance of 1e300 % printed a 300-digit margin.
            guard let value = quantity(toleranceField, accepting: dimensions.accepted, range, named: dimensions.named) else { return nil }
            tolerance = value
        } else if comparison == .about {
            _ = reader.required("tolerance", expected: "how far from the value still counts as met")
            return nil
        }
        if let fuelField, kind != .fuel {
            fail(fuelField, found: "fuel on a \(kind.rawValue) target", expected: "fuel only on fuel targets")
            return nil
        }
        var ids: [String] = [], selectors: [String] = []
        if kind.isCapacityType {
            guard selectorsField != nil else {
                _ = reader.required("technologies", expected: "the technology kinds, groups or ids counted")
                return nil
            }
            guard let selection else { return nil }
            (ids, selectors) = selection
        } else if let selectorsField {
            fail(selectorsField, found: "technologies on a \(kind.rawValue) target", expected: "technologies only on capacity and capacity_added targets")
            return nil
        }
        var since: Int?
        if kind == .capacityAdded {
            guard let sinceField else {
                _ = reader.required("since", expected: "the year after which additions count")
                return nil
            }
            guard let value = self.year(sinceField) else { return nil }
            guard value < year else {
                fail(sinceField, found: "\(value)", expected: "a year before the target's year \(year)")
                return nil
            }
            since = value
        } else if let sinceField {
            fail(sinceField, found: "since on a \(kind.rawValue) target", expected: "since only on capacity_added targets")
            return nil
        }
        return Target(
            id: id, kind: kind, year: year, comparison: comparison, required: required, tolerance: tolerance,
            displayUnit: display, strive: strive, note: note, technologies: ids, selectors: selectors, since: since,
            fuel: fuel, location: field.node.location)
    }

    /// The dimensions a target's threshold may be written in, converted to one canonical unit.
    private func dimensions(_ kind: Target.Kind, _ fuel: Target.Fuel?, _ rules: AccountingRules) -> (accepted: [Dimension: Double], named: String)? {
        switch kind {
        case .nonFossilShare, .curtailment: return ([.fraction: 1], Dimension.fraction.description)
        case .capacity, .capacityAdded: return ([.power: 1], Dimension.power.description)
        case .unservedEnergy: return ([.energy: 1], Dimension.energy.description)
        case .lossOfLoadHours: return ([.time: 1], Dimension.time.description)
        case .fuel:
            switch fuel {
            case .coal: return ([.coal: 1, .mass: rules.rawCoalFactor], "an amount of coal (tce or t)")
            case .oil: return ([.coal: 1, .mass: rules.oilFactor], "an amount of oil (tce or t)")
            case .naturalGas: return ([.coal: 1, .volume: rules.naturalGasFactor], "an amount of natural gas (m³ or tce)")
            case nil: return nil
            }
        }
    }

    /// The unit a target was written in, used to show its numbers the way the plan states them.
    private func displayUnit(_ text: String, _ accepted: [Dimension: Double]) -> DisplayUnit {
        guard let (_, rest) = Quantity.splitNumber(text.trimmingCharacters(in: .whitespaces)) else { return .tce }
        let symbol = rest.trimmingCharacters(in: .whitespaces)
        guard let unit = UnitTable.parse(symbol), let factor = accepted[unit.dimension] else { return .tce }
        return DisplayUnit(symbol, unit.scale * factor)
    }

    /// Resolves names to technology ids: a technology id, a kind (all technologies of it)
    /// or a group (`solar`, `hydro`, `bioenergy`, `storage`). A technology whose own keys
    /// failed is not reported again here: its errors say what to fix.
    private func selectTechnologies(_ field: Field, _ technologies: [Technology]) -> ([String], [String])? {
        let items: [(String, Field)]
        switch field.node.value {
        case let .scalar(text, _): items = [(text, field)]
        case let .sequence(nodes):
            guard !nodes.isEmpty else {
                fail(field, found: "an empty list", expected: "a list of technology kinds, groups or ids")
                return nil
            }
            var list: [(String, Field)] = []
            for (index, node) in nodes.enumerated() {
                let element = field.element(index, node)
                guard let text = text(element, expected: "a technology kind, group or id") else { return nil }
                list.append((text, element))
            }
            items = list
        default:
            fail(field, expected: "a list of technology kinds, groups or ids")
            return nil
        }
        var ids: [String] = []
        var valid = true
        let kinds = TechnologyKind.allCases.map(\.rawValue), groups = Array(TechnologyKind.groups.keys).sorted()
        for (name, element) in items {
            let matched: [Technology]
            if let technology = technologies.first(where: { $0.id == name }) {
                matched = [technology]
            } else if undecodedTechnologies.contains(name) {
                valid = false
                continue
            } else if let kind = TechnologyKind(rawValue: name) {
                matched = technologies.filter { $0.kind == kind }
            } else if let group = TechnologyKind.groups[name] {
                matched = technologies.filter { group.contains($0.kind) }
            } else {
                let candidates = technologyIDs + kinds + groups
                fail(element, found: "the unknown technology \"\(name)\"\(Suggestion.phrase(for: name, among: candidates))",
                     expected: (technologyIDs.isEmpty ? "" : "a technology id (\(technologyIDs.joined(separator: ", "))), ")
                        + "a kind (\(kinds.joined(separator: ", "))) or a group (\(groups.joined(separator: ", ")))")
                valid = false
                continue
            }
            ids += matched.map(\.id).filter { !ids.contains($0) }
        }
        return valid ? (ids, items.map(\.0)) : nil
    }
}
