import Foundation

extension Decoder {
    /// What a trajectory is before its first milestone.
    enum Start {
        /// Zero: an amount not there yet (capacities, storage energy, grid limits).
        case zero
        /// A milestone at or before the base year is required (demand, prices: there is
        /// no sensible zero before it), and the value before it is held.
        case baseYear
        /// The first milestone's value: a rate of something that may exist before it
        /// (full-load hours, the inflow factor), which zero would silently switch off.
        case held

        /// Whether the trajectory needs a milestone to start from (events alone refused).
        var needsMilestone: Bool { self != .zero }
    }

    /// A trajectory written as one quantity (`1.32 GW`), as milestones by year
    /// (`{2020: 1.32 GW, 2025: 3.3 GW}`), as a list of events (`[+1.2 GW in 2027]`), or
    /// as milestones with `events:`; `start` says what it is before its first milestone.
    func trajectory(
        _ field: Field, _ dimension: Dimension, _ check: Check = .any, start: Start = .zero
    ) -> Trajectory? {
        trajectory(field, accepting: [dimension: 1], check, named: dimension.description, start: start)
    }

    /// A trajectory whose values may be written in several dimensions, each converted by
    /// its factor into the first's units value by value (t of raw coal × 0.7143 → tce).
    func trajectory(
        _ field: Field, accepting conversions: [Dimension: Double], _ check: Check, named: String, start: Start
    ) -> Trajectory? {
        guard let (trajectory, written) = written(field, accepting: conversions, check, named: named, start: start) else { return nil }
        // Each value was checked as written; events add up, so check their sum in every
        // year, and within a year at every date an event counts from (between milestones
        // in range the interpolation stays in range).
        guard !trajectory.events.isEmpty, let years else { return trajectory }
        let unit = conversions.first { $0.value == 1 }?.key.shownUnit
        func shown(_ value: Double) -> String {
            unit.map { String(format: "%.6g", value * $0.perCanonical) + " " + $0.symbol } ?? String(format: "%.6g", value)
        }
        for year in years {
            let values = trajectory.valuesWithin(year)
            let every = values.count > 1 ? "at every date" : "in every year"
            for (index, (events, value)) in values.enumerated() {
                guard let problem = check.problem(value) else { continue }
                let from = index > 0 ? events[0].dateText : "the start of \(year)"
                let until = index + 1 < values.count ? " until \(values[index + 1].events[0].dateText)" : ""
                let when = values.count == 1 ? "in \(year)" : "from \(from)\(until)"
                // The event that moved the value furthest the wrong way, named at its own place.
                let previous = index > 0 ? values[index - 1].value : trajectory.value(in: year - 1)
                let blamed = value < previous ? events.filter { $0.change < 0 }.min { $0.change < $1.change }
                    : events.filter { $0.change > 0 }.max { $0.change < $1.change }
                let expected = "\(named) \(problem) \(every) (check its events)"
                if let blamed, let (_, at) = written.first(where: { $0.event == blamed }) {
                    fail(at, found: "\(at.node.summary), which takes it to \(shown(value)) \(when)", expected: expected)
                } else {
                    fail(field, found: "\(shown(value)) \(when) once its events are counted", expected: expected)
                }
                return nil
            }
        }
        return trajectory
    }

    /// The trajectory as written: one value, milestones, events or milestones with events.
    /// Also returns each event with the field of its text, for messages about it.
    private func written(
        _ field: Field, accepting conversions: [Dimension: Double], _ check: Check, named: String, start: Start
    ) -> (Trajectory, [WrittenEvent])? {
        switch field.node.value {
        case .scalar:
            return quantity(field, accepting: conversions, check, named: named).map { (Trajectory.constant($0), []) }
        case let .sequence(items) where start.needsMilestone:
            fail(field, found: items.isEmpty ? "an empty list" : "events only",
                 expected: start == .baseYear ? "a milestone in the base year to start from" : "a value or milestones to start from")
            return nil
        case .sequence:
            return events(field, conversions, named).map { (Trajectory(events: $0.map(\.event)), $0) }
        case .null:
            fail(field, expected: "\(named), or milestones by year")
            return nil
        case let .mapping(entries):
            if entries.contains(where: { $0.key == "value" }) {
                return quantity(field, accepting: conversions, check, named: named).map { (Trajectory.constant($0), []) }
            }
            return milestones(field, entries, conversions, check, named: named, start: start)
        }
    }

    private func milestones(
        _ field: Field, _ entries: [SourceNode.Entry], _ conversions: [Dimension: Double], _ check: Check, named: String,
        start: Start
    ) -> (Trajectory, [WrittenEvent])? {
        guard var reader = MappingReader(field, self, expected: "milestones by year") else { return nil }
        var milestones: [Trajectory.Milestone] = []
        var keyFields: [Int: Field] = [:]
        var valid = true
        for entry in entries where Provenance.Kind(rawValue: entry.key) == nil && entry.key != "events" {
            let child = field.child(entry.key, entry.value, reader.provenance)
            let keyField = Field(node: SourceNode(value: .scalar(entry.key, quoted: false), location: entry.keyLocation), path: child.path)
            // Four ASCII digits: Int would also read "-2030", "+2020" or "02025". A year
            // written twice (2025 and "2025") is refused when the file is read.
            guard entry.key.wholeMatch(of: yearKeyPattern) != nil, let year = Int(entry.key), Self.milestoneYears.contains(year) else {
                fail(keyField, expected: "a year from \(Self.milestoneYears.lowerBound) to \(Self.milestoneYears.upperBound) (such as 2025), events, source or assumption")
                valid = false
                continue
            }
            guard let value = quantity(child, accepting: conversions, check, named: named) else {
                valid = false
                continue
            }
            milestones.append(.init(year: year, value: value))
            keyFields[year] = keyField
        }
        if let years { valid = checkEveryMilestoneUsed(milestones.map(\.year), keyFields, years: years) && valid }
        var events: [WrittenEvent] = []
        if let eventField = reader.optional("events") {
            if let decoded = self.events(eventField, conversions, named) { events = decoded } else { valid = false }
        }
        guard valid else { return nil }
        if milestones.isEmpty && events.isEmpty {
            fail(field, found: "an empty mapping", expected: "milestones by year or events")
            return nil
        }
        if start == .baseYear, let years, let first = milestones.map(\.year).min(), first > years.lowerBound {
            fail(field, found: "a first milestone in \(first)", expected: "a milestone in the base year \(years.lowerBound) or earlier")
            return nil
        }
        if start.needsMilestone, milestones.isEmpty {
            fail(field, found: "events only", expected: start == .baseYear ? "a milestone in the base year to start from" : "a value or milestones to start from")
            return nil
        }
        return (Trajectory(milestones: milestones, events: events.map(\.event), beforeFirst: start.needsMilestone ? .hold : .zero), events)
    }

    /// Refuses a milestone that no year of the scenario depends on: one before its first
    /// year with another at or before that year, or one after its last with another at or
    /// after it. Values are linear between milestones and flat beyond them, so such a
    /// point changes nothing — most often a slip of the year (`2003: 2.71 GW` for 2030,
    /// which left 2030 at the 2025 milestone's value) that would otherwise pass unseen.
    private func checkEveryMilestoneUsed(_ written: [Int], _ keyFields: [Int: Field], years: ClosedRange<Int>) -> Bool {
        var valid = true
        for year in written.sorted() where !years.contains(year) {
            let nearer = year < years.lowerBound ? written.filter { $0 > year && $0 <= years.lowerBound }.max()
                : written.filter { $0 < year && $0 >= years.upperBound }.min()
            guard let nearer, let keyField = keyFields[year] else { continue }
            let side = year < years.lowerBound ? "before" : "after"
            fail(keyField, found: "a milestone in \(year), \(side) the one in \(nearer)",
                 expected: "milestones that a year of the scenario (\(years.lowerBound)–\(years.upperBound)) depends on: values are linear between "
                    + "milestones and flat beyond them, so no year uses this one (a slip of the year?)")
            valid = false
        }
        return valid
    }

    /// A list of events `+30 MW in 2026` or `-660 MW on 2028-07-01`, each possibly
    /// written as `{value: "+30 MW in 2026", source: …}`.
    /// An event and the field of its text (`"-0.8 GW on 2025-03-01"`).
    typealias WrittenEvent = (event: Trajectory.Event, field: Field)

    private func events(_ field: Field, _ conversions: [Dimension: Double], _ named: String) -> [WrittenEvent]? {
        guard case let .sequence(items) = field.node.value else {
            fail(field, expected: "a list of events such as \"+30 MW in 2026\"")
            return nil
        }
        guard !items.isEmpty else {
            fail(field, found: "an empty list", expected: "a list of events such as \"+30 MW in 2026\"")
            return nil
        }
        var events: [WrittenEvent] = []
        var valid = true
        for (index, item) in items.enumerated() {
            if let event = event(field.element(index, item), conversions, named) { events.append(event) } else { valid = false }
        }
        return valid ? events : nil
    }

    private func event(_ field: Field, _ conversions: [Dimension: Double], _ named: String) -> WrittenEvent? {
        let expected = "an event such as \"+30 MW in 2026\" or \"-0.66 GW on 2028-07-01\""
        guard let (text, valueField) = scalarWithProvenance(field, expected: expected) else { return nil }
        guard let match = text.wholeMatch(of: eventPattern) else {
            fail(valueField, found: "\"\(text)\"", expected: expected)
            return nil
        }
        let isDate = match.3 == "on"
        guard isDate == (match.5 != nil) else {
            fail(valueField, found: "\"\(text)\"", expected: "\"in YEAR\" or \"on YYYY-MM-DD\"")
            return nil
        }
        let amountField = Field(node: SourceNode(value: .scalar(String(match.2), quoted: false), location: valueField.node.location), path: valueField.path, provenance: valueField.provenance)
        guard let amount = quantity(amountField, accepting: conversions, .nonNegative, named: named), let year = Int(match.4) else { return nil }
        if let years, !years.contains(year) {
            fail(valueField, found: "an event in \(year)", expected: "a year from \(years.lowerBound) to \(years.upperBound) (the scenario's years)")
            return nil
        }
        var month: Int?, day: Int?
        if let m = match.5, let d = match.6 {
            let date = DateComponents(calendar: Calendar(identifier: .gregorian), year: year, month: Int(m), day: Int(d))
            guard let mm = Int(m), let dd = Int(d), date.isValidDate else {
                fail(valueField, found: "\"\(text)\"", expected: "a real calendar date")
                return nil
            }
            month = mm
            day = dd
        }
        return (Trajectory.Event(year: year, month: month, day: day, change: match.1 == "-" ? -amount : amount), valueField)
    }
}
