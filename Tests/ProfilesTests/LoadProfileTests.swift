import EnergyModel
import Foundation
import Testing
@testable import Profiles

@Suite struct LoadProfileTests {
    @Test func everyYearHitsItsEnergyAndPeak() throws {
        let scenario = try Support.shipped()
        let generator = ProfileGenerator(scenario: scenario)
        for year in scenario.years {
            let load = try generator.profiles(for: year).load
            #expect(load.count == 8760)
            expectRelative(load.reduce(0, +), scenario.demand.annualEnergy.value(in: year), 1e-9)
            expectRelative(load.max()!, scenario.demand.peak.value(in: year), 1e-9)
        }
    }

    /// Hunan's pattern: the highest hours are in July, August or January, within the
    /// day (10–14 h) or evening (20–23 h) peak; weekends are lower than weekdays.
    @Test func largestValuesFallInThePeakMonthsAndHours() throws {
        let profiles = try Support.profiles()
        let top = profiles.load.indices.sorted { profiles.load[$0] > profiles.load[$1] }.prefix(88)
        for hour in top {
            let month = ProfileCalendar.month(ofDay: hour / 24)
            #expect([1, 7, 8].contains(month), "hour \(hour) in month \(month)")
            #expect((10...14).contains(hour % 24) || (20...23).contains(hour % 24), "hour \(hour) at \(hour % 24) h")
        }
        let summer = Support.mean(Array(profiles.load[(181 * 24)..<(243 * 24)]))
        let spring = Support.mean(Array(profiles.load[(90 * 24)..<(151 * 24)]))
        #expect(summer > 1.1 * spring)
        var weekday = [Double](), weekend = [Double]()
        for day in 0..<365 {
            let energy = profiles.load[(day * 24)..<(day * 24 + 24)].reduce(0, +)
            if profiles.calendar.weekday(ofDay: day) >= 6 { weekend.append(energy) } else { weekday.append(energy) }
        }
        #expect(Support.mean(weekend) < 0.95 * Support.mean(weekday))
    }

    @Test func dailyProfilePeaksInTheConfiguredHours() {
        let daily = LoadShapeModel.dailyProfile(LoadShape())
        #expect(daily[10] == 1 && daily[14] == 1 && daily[20] == 1 && daily[23] == 1)
        #expect(abs(daily[17] - 0.82) < 1e-12)  // three hours from both peaks
        #expect(abs(daily[4] - 0.70) < 1e-12)  // five hours after the evening peak
    }

    /// A reference year's load (a CSV) is rescaled the same way: the peak hour stays
    /// the peak hour, and energy and peak are exact.
    @Test func referenceLoadCSVIsRescaled() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = (0..<8760).map { (hour: Int) -> String in
            let daily = 1 + 0.5 * sin(Double(hour) * 2 * Double.pi / 24)
            return String(hour == 5000 ? daily + 1 : daily)
        }
        try ("load_mw\n" + lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("load.csv"), atomically: true, encoding: .utf8)
        let (scenario, _) = try Support.scenario(
            technologies: "  coal: {kind: coal, capacity: 1 GW, heat_rate: 300 gce/kWh, fuel_price: 900 yuan/tce}",
            demand: "{annual_energy: 12 TWh, peak: 2.5 GW, hourly_csv: \(folder.appendingPathComponent("load.csv").path)}")
        let load = try ProfileGenerator(scenario: scenario).profiles(for: 2025).load
        expectRelative(load.reduce(0, +), 12_000, 1e-9)
        #expect(load[5000] == 2.5)
        #expect(load.firstIndex(of: load.max()!) == 5000)
    }
}
