import Testing
@testable import Profiles

@Suite struct CalendarTests {
    @Test func monthsAndDaysOfA365DayYear() {
        #expect(ProfileCalendar.monthStarts == [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334])
        #expect(ProfileCalendar.month(ofDay: 0) == 1 && ProfileCalendar.month(ofDay: 58) == 2 && ProfileCalendar.month(ofDay: 59) == 3)
        #expect(ProfileCalendar.month(ofDay: 364) == 12 && ProfileCalendar.dayOfMonth(ofDay: 364) == 31)
        #expect(ProfileCalendar.day(month: 7, day: 1) == 181)
    }

    @Test func leapYearDropsTwentyNinthFebruary() {
        let calendar = ProfileCalendar(year: 2024, utcOffsetHours: 8)
        #expect(calendar.isoTime(ofHour: 1415) == "2024-02-28T23:00+08:00")
        #expect(calendar.isoTime(ofHour: 1416) == "2024-03-01T00:00+08:00")
        #expect(calendar.isoTime(ofHour: 8759) == "2024-12-31T23:00+08:00")
        // 2024-02-28 was a Wednesday, 2024-03-01 a Friday: real weekdays after the gap.
        #expect(calendar.weekday(ofDay: 58) == 3)
        #expect(calendar.weekday(ofDay: 59) == 5)
    }

    @Test func weekdaysAndOffsets() {
        #expect(ProfileCalendar(year: 2025, utcOffsetHours: 8).weekday(ofDay: 0) == 3)  // Wednesday 1 January 2025
        #expect(ProfileCalendar(year: 2023, utcOffsetHours: 8).weekday(ofDay: 0) == 7)  // Sunday 1 January 2023
        #expect(ProfileCalendar(year: 2025, utcOffsetHours: -7).isoTime(ofHour: 13) == "2025-01-01T13:00-07:00")
        #expect(ProfileCalendar(year: 2025, utcOffsetHours: 5.5).isoTime(ofHour: 0) == "2025-01-01T00:00+05:30")
    }

    @Test func julianDayOfAnHourMidpoint() {
        // 2000-01-01 11:30 UTC is JD 2451544.979166…; the hour 19:00–20:00 at UTC+8 has that midpoint.
        let calendar = ProfileCalendar(year: 2000, utcOffsetHours: 8)
        #expect(abs(calendar.julianDay(midpointOf: 19) - (2_451_545.0 - 0.5 / 24)) < 1e-9)
    }
}
