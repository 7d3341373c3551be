/// capsim's 365-day year, 29 February left out: the days of each month and the day of the
/// year (0-based) each starts on. The scenario's dates (maintenance windows, dated
/// events) and `ProfileCalendar`'s hourly clock count days on it, so they agree.
public enum CalendarDays {
    /// Days in each month.
    public static let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    /// Day of the year (0-based) on which each month starts.
    public static let monthStarts: [Int] = monthLengths.indices.map { monthLengths[..<$0].reduce(0, +) }

    /// Day of the year (0–364) of a date of the 365-day year; 29 February has none.
    public static func day(month: Int, day: Int) -> Int { monthStarts[month - 1] + day - 1 }
}
