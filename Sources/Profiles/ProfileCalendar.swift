import EnergyModel
import Foundation

/// capsim's hourly clock for one year: 365 days × 24 hours = 8 760 hours of local
/// standard time at a fixed UTC offset (no daylight saving). In a leap year 29 February
/// is dropped, so hour 1416 is always 1 March 00:00; the days after it keep their real
/// weekdays and dates. Hour h covers [h, h + 1) local time; instantaneous quantities
/// (the sun's position) are taken at its midpoint.
public struct ProfileCalendar: Sendable, Equatable {
    public static let hoursPerYear = 8760
    public static let daysPerYear = 365
    /// Days in each month of capsim's year (`CalendarDays`).
    public static let monthLengths = CalendarDays.monthLengths
    /// Day of the year (0-based) on which each month starts.
    public static let monthStarts = CalendarDays.monthStarts

    public let year: Int
    /// Hours ahead of UTC.
    public let utcOffsetHours: Double

    public init(year: Int, utcOffsetHours: Double) {
        self.year = year
        self.utcOffsetHours = utcOffsetHours
    }

    /// Month (1–12) of a day of the year (0–364).
    public static func month(ofDay day: Int) -> Int {
        var month = 11
        while monthStarts[month] > day { month -= 1 }
        return month + 1
    }

    /// Day of the month (1–31) of a day of the year.
    public static func dayOfMonth(ofDay day: Int) -> Int { day - monthStarts[month(ofDay: day) - 1] + 1 }

    /// Day of the year (0–364) of a date; 29 February has none.
    public static func day(month: Int, day: Int) -> Int { CalendarDays.day(month: month, day: day) }

    /// ISO weekday of a day of the year: 1 Monday … 7 Sunday.
    public func weekday(ofDay day: Int) -> Int {
        let days = Self.daysSinceEpoch(year: year, month: Self.month(ofDay: day), day: Self.dayOfMonth(ofDay: day))
        // 1970-01-01 was a Thursday (ISO 4).
        return ((days % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// Julian day (UT) of the midpoint of an hour of the year.
    public func julianDay(midpointOf hour: Int) -> Double {
        let day = hour / 24
        let days = Self.daysSinceEpoch(year: year, month: Self.month(ofDay: day), day: Self.dayOfMonth(ofDay: day))
        return 2_440_587.5 + Double(days) + (Double(hour % 24) + 0.5 - utcOffsetHours) / 24
    }

    /// The start of an hour as ISO 8601 local time with its offset: `2025-07-01T13:00+08:00`.
    public func isoTime(ofHour hour: Int) -> String {
        let day = hour / 24
        let minutes = Int((abs(utcOffsetHours) * 60).rounded())
        let sign = utcOffsetHours < 0 ? "-" : "+"
        let local = String(format: "%04d-%02d-%02dT%02d:00", year, Self.month(ofDay: day), Self.dayOfMonth(ofDay: day), hour % 24)
        return local + sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// Days from 1970-01-01 to a Gregorian date (Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
