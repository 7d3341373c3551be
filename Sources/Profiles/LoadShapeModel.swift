import EnergyModel
import Foundation

/// A synthetic hourly load shape (relative units, before calibration):
///
/// shape(h) = season(d) · week(d) · daily(hour) · weather(d)
///
/// - season: 1 + summer uplift · bump(July–August) + winter uplift · bump(January)
///   (air conditioning and heating; see `bump`): the uplifts are reached at the height of
///   each season, so the year's highest loads fall inside its months;
/// - week: `weekendFactor` on Saturdays and Sundays, 1 on weekdays;
/// - daily: 1 in the day-peak and evening-peak hours, falling by 6 % per hour away
///   from the nearest peak hour to a night floor of 0.68;
/// - weather: a seeded day-to-day AR(1) lognormal factor (σ 2 %, φ 0.7): hot and cold
///   spells, small enough that the peak months stay the peak months.
///
/// Public holidays are not modelled.
enum LoadShapeModel {
    static func shape(_ parameters: LoadShape, calendar: ProfileCalendar, seed: UInt64, into shape: inout [Double]) {
        var random = RandomStream(seed: seed, year: calendar.year, series: "load")
        var weather = [Double](repeating: 0, count: ProfileCalendar.daysPerYear)
        random.autoregressive(0.7, into: &weather)
        let daily = dailyProfile(parameters)
        let summer = bump(first: ProfileCalendar.day(month: 7, day: 1), last: ProfileCalendar.day(month: 8, day: 31))
        let winter = bump(first: ProfileCalendar.day(month: 1, day: 1), last: ProfileCalendar.day(month: 1, day: 31))
        for day in 0..<ProfileCalendar.daysPerYear {
            let season = 1 + parameters.summerUplift * summer(day) + parameters.winterUplift * winter(day)
            let week = calendar.weekday(ofDay: day) >= 6 ? parameters.weekendFactor : 1
            let factor = season * week * exp(0.02 * weather[day] - 0.0002)
            for hour in 0..<24 { shape[day * 24 + hour] = factor * daily[hour] }
        }
    }

    /// Relative load by local hour: 1 in the peak hours, −6 % per hour away from them.
    static func dailyProfile(_ parameters: LoadShape) -> [Double] {
        let peaks = Array(parameters.dayPeakHours) + Array(parameters.eveningPeakHours)
        return (0..<24).map { hour in
            let distance = peaks.map { min(abs(hour - $0), 24 - abs(hour - $0)) }.min() ?? 0
            return max(0.68, 1 - 0.06 * Double(distance))
        }
    }

    /// A seasonal bump over the days first…last: cos²(π/2 · distance / span) around the
    /// middle of the season, where span is the season's length in days. It is 1 at the
    /// height of the season, about ½ at its first and last days and 0 a further half
    /// season away (distances are cyclic, so January's bump reaches into December).
    static func bump(first: Int, last: Int) -> (Int) -> Double {
        let days = Double(ProfileCalendar.daysPerYear)
        let centre = Double(first + last) / 2, span = Double(last - first + 1)
        return { day in
            let offset = abs(Double(day) - centre).truncatingRemainder(dividingBy: days)
            let distance = min(offset, days - offset)
            guard distance < span else { return 0 }
            let c = cos(Double.pi / 2 * distance / span)
            return c * c
        }
    }
}
