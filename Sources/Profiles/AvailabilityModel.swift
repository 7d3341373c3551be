import EnergyModel

/// Hourly availability of a dispatchable unit (fraction of its capacity it can run at):
/// a(h) = (1 − forced outage rate) · (1 − maintenance fraction if h is in the planned
/// window). The forced outage is a derate of expected value rather than random
/// outages, so a year's dispatch does not depend on one draw of breakdowns. The window
/// starts at 00:00 of its first day and wraps past 31 December to the start of the year.
enum AvailabilityModel {
    static func hourly(_ availability: Availability) -> [Double] {
        let base = 1 - availability.forcedOutageRate
        var result = [Double](repeating: base, count: ProfileCalendar.hoursPerYear)
        if let window = availability.maintenance {
            let start = ProfileCalendar.day(month: window.startMonth, day: window.startDay) * 24
            let length = min(Int(window.hours.rounded()), ProfileCalendar.hoursPerYear)
            for offset in 0..<length {
                result[(start + offset) % ProfileCalendar.hoursPerYear] = base * (1 - window.fraction)
            }
        }
        return result
    }
}
