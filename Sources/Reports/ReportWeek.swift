import EconomicDispatch
import Profiles

/// The week of a year the HTML report draws hour by hour. Weeks are numbered 1–52 from
/// 1 January; week n is hours 168·(n − 1) to 168·n − 1, and week 52 also takes the year's
/// last day (hours 8 568–8 759, eight days): left out, a shortfall on 31 December was
/// never drawn and the page said "no unserved energy". Left to capsim, the week is the
/// one that tells most about the system: the most unserved energy, else the most
/// curtailment, else the week of the summer peak load.
public struct ReportWeek: Sendable, Equatable {
    public static let count = 52
    public static let hours = 168

    /// 1–52.
    public var number: Int
    /// Why this week, in words: `chosen with --week`, `the week with the most unserved
    /// energy per hour (3.2 GWh in the week)`…
    public var reason: String

    public init(number: Int, reason: String) {
        self.number = number
        self.reason = reason
    }

    /// The hours of the week: 168, or 192 for week 52.
    public var range: Range<Int> { (number - 1) * Self.hours..<(number == Self.count ? ProfileCalendar.hoursPerYear : number * Self.hours) }

    /// The default week of `dispatch`. An hour counts as unserved or curtailed above
    /// `threshold` GW (below it, the solver's tolerance). Weeks are compared by their
    /// amount per hour, since week 52 has eight days, and named with their whole amount.
    public static func choose(_ dispatch: YearDispatch, threshold: Double) -> ReportWeek {
        func weekly(_ hourly: [Double]) -> [Double] {
            (1...count).map { week in
                ReportWeek(number: week, reason: "").range.reduce(0) { $0 + (hourly[$1] > threshold ? hourly[$1] : 0) }
            }
        }
        func largest(_ values: [Double]) -> (week: Int, amount: Double)? {
            let perHour = values.indices.map { values[$0] / Double(ReportWeek(number: $0 + 1, reason: "").range.count) }
            guard let index = perHour.indices.max(by: { perHour[$0] < perHour[$1] }), values[index] > 0 else { return nil }
            return (index + 1, values[index])
        }
        if let (week, most) = largest(weekly(dispatch.unserved)) {
            return ReportWeek(number: week, reason: "the week with the most unserved energy per hour (\(TickFormat.plain.text(most)) GWh in the week)")
        }
        var curtailedHours = [Double](repeating: 0, count: dispatch.hours)
        for technology in dispatch.technologies {
            guard let curtailed = technology.curtailed else { continue }
            for t in curtailedHours.indices { curtailedHours[t] += curtailed[t] }
        }
        if let (week, most) = largest(weekly(curtailedHours)) {
            return ReportWeek(number: week, reason: "no unserved energy; the week with the most curtailment per hour (\(TickFormat.plain.text(most)) GWh in the week)")
        }
        let summer = ProfileCalendar.day(month: 6, day: 1) * 24..<ProfileCalendar.day(month: 9, day: 1) * 24
        let peak = summer.max { dispatch.load[$0] < dispatch.load[$1] } ?? 0
        return ReportWeek(number: min(peak / hours + 1, count), reason: "no unserved energy or curtailment; the week of the summer peak load (\(TickFormat.plain.text(dispatch.load[peak])) GW)")
    }
}
