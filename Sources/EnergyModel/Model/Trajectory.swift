/// A yearly value: milestones by year, linear between them and flat after the last,
/// plus commissioning events that add (or remove) an amount from their year on.
///
/// value(y) = interpolation of the milestones at y + Σ events with year ≤ y.
/// Before the first milestone the value is zero (`beforeFirst == .zero`, used for
/// capacities: nothing is built yet) or the first milestone's value (`.hold`: for keys
/// that need a milestone at or before the base year, such as demand and prices, and for
/// rates such as full-load hours, which zero would silently switch off).
/// Values are end-of-year values; an event's `date` is kept for pro-rata use in dispatch.
public struct Trajectory: Hashable, Sendable {
    public struct Milestone: Hashable, Sendable {
        public var year: Int
        public var value: Double
    }

    public struct Event: Hashable, Sendable {
        public var year: Int
        /// Month and day of commissioning, when the event was written `on YYYY-MM-DD`.
        public var month: Int?
        public var day: Int?
        public var change: Double

        /// The day of a 365-day year it counts from (0 for 1 January), when it is dated;
        /// 29 February counts from 1 March, which capsim's calendar has instead.
        public var dayOfYear: Int? {
            guard let month, let day else { return nil }
            return month == 2 && day == 29 ? CalendarDays.day(month: 3, day: 1) : CalendarDays.day(month: month, day: day)
        }

        /// The date as written, `2025-03-01`, or the year, `2025`.
        public var dateText: String {
            guard let month, let day else { return String(year) }
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
    }

    public enum BeforeFirst: Hashable, Sendable { case zero, hold }

    public var milestones: [Milestone]
    public var events: [Event]
    public var beforeFirst: BeforeFirst

    public init(milestones: [Milestone] = [], events: [Event] = [], beforeFirst: BeforeFirst = .zero) {
        self.milestones = milestones.sorted { $0.year < $1.year }
        self.events = events.sorted { $0.year < $1.year }
        self.beforeFirst = beforeFirst
    }

    /// The same value in every year.
    public static func constant(_ value: Double) -> Trajectory {
        Trajectory(milestones: [Milestone(year: Int.min, value: value)], beforeFirst: .hold)
    }

    public var isConstant: Bool { milestones.count == 1 && milestones[0].year == Int.min && events.isEmpty }

    /// The value at the end of `year`.
    /// A sum of events that cancel (0.3 − 0.1 − 0.2 GW) leaves a few units in the last
    /// place of its largest term, not a value: within 10⁻¹² of that term it is 0.
    public func value(in year: Int) -> Double {
        let base = interpolated(year)
        var sum = base, largest = abs(base)
        for event in events where event.year <= year {
            sum += event.change
            largest = max(largest, abs(event.change))
        }
        return abs(sum) <= 1e-12 * largest ? 0 : sum
    }

    /// The values `year` passes through as the dispatch counts them (docs/dispatch.md):
    /// an event written `on YYYY-MM-DD` counts from 00:00 of that day (29 February as
    /// 1 March), everything else from 1 January. First the value from 1 January, paired
    /// with the year's events that count from then (undated or dated 1 January); then one
    /// value for each later date of the year's dated events, in calendar order, paired
    /// with that date's events. The last is `value(in: year)`. Sums that cancel are 0, as
    /// in `value(in:)`.
    public func valuesWithin(_ year: Int) -> [(events: [Event], value: Double)] {
        let end = value(in: year), ofYear = events.filter { $0.year == year }
        let largest = ofYear.reduce(abs(end)) { max($0, abs($1.change)) }
        let days = [0] + Set(ofYear.compactMap(\.dayOfYear)).subtracting([0]).sorted()
        return days.map { day in
            let later = ofYear.reduce(0) { $0 + (($1.dayOfYear ?? 0) > day ? $1.change : 0) }
            let value = end - later
            return (ofYear.filter { ($0.dayOfYear ?? 0) == day }, abs(value) <= 1e-12 * largest ? 0 : value)
        }
    }

    /// What was added in `year`, as a target of capacity added counts it: the rise of the
    /// milestones' path over the year (0 where it falls) plus every positive event of the
    /// year, so that a unit retired (a negative event) does not hide one built in the same
    /// year. A path between milestones is one number a year and cannot say more.
    public func additions(in year: Int) -> Double {
        let built = events.reduce(0) { $0 + ($1.year == year ? max(0, $1.change) : 0) }
        return max(0, interpolated(year) - interpolated(year - 1)) + built
    }

    private func interpolated(_ year: Int) -> Double {
        guard let first = milestones.first, let last = milestones.last else { return 0 }
        if year < first.year { return beforeFirst == .zero ? 0 : first.value }
        if year >= last.year { return last.value }
        let upper = milestones.firstIndex { $0.year > year }!
        let a = milestones[upper - 1], b = milestones[upper]
        let t = Double(year - a.year) / Double(b.year - a.year)
        return a.value + t * (b.value - a.value)
    }
}
