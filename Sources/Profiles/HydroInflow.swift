import EnergyModel
import Foundation

/// Daily natural inflow shapes for the city's hydro stations (relative units).
///
/// shape_s(d) = season(d) · exp(σ y_s(d) − σ²/2), with
/// - season: `floodFactor` in the flood-season months and 1 in the others, placed at
///   mid-month and interpolated linearly between months (cyclically), so the flood
///   season rises and recedes over weeks rather than in a step;
/// - y_s = √0.8 · y_region + √0.2 · y_station: a unit-variance daily AR(1) anomaly
///   (`persistence`) shared by the basin, plus a station's own, so nearby stations are
///   wet and dry together but not identical.
/// Inflow is constant within a day. Each station's shape is scaled to its annual
/// energy (`Reservoir.inflowEnergy`, or full-load hours × capacity for run-of-river)
/// times the year's `hydroInflowFactor`.
struct HydroInflow {
    private let season: [Double]
    private let region: [Double]
    private let climate: HydroClimate
    private let calendar: ProfileCalendar
    private let seed: UInt64

    init(climate: HydroClimate, calendar: ProfileCalendar, seed: UInt64) {
        self.climate = climate
        self.calendar = calendar
        self.seed = seed
        let monthly = (1...12).map { climate.floodSeason.contains($0) ? climate.floodFactor : 1 }
        let midMonth = (0..<12).map { Double(ProfileCalendar.monthStarts[$0]) + Double(ProfileCalendar.monthLengths[$0]) / 2 }
        season = (0..<ProfileCalendar.daysPerYear).map { day in
            let d = Double(day) + 0.5
            let next = midMonth.firstIndex { $0 > d } ?? 12
            let before = (next + 11) % 12, after = next % 12
            let start = next == 0 ? midMonth[11] - 365 : midMonth[before]
            let end = next == 12 ? midMonth[0] + 365 : midMonth[after]
            let w = (d - start) / (end - start)
            return monthly[before] * (1 - w) + monthly[after] * w
        }
        var random = RandomStream(seed: seed, year: calendar.year, series: "hydro")
        var anomaly = [Double](repeating: 0, count: ProfileCalendar.daysPerYear)
        random.autoregressive(climate.persistence, into: &anomaly)
        region = anomaly
    }

    /// The hourly shape of one station (relative units, mean about 1).
    func shape(station: String) -> [Double] {
        var random = RandomStream(seed: seed, year: calendar.year, series: "hydro." + station)
        var own = [Double](repeating: 0, count: ProfileCalendar.daysPerYear)
        random.autoregressive(climate.persistence, into: &own)
        let sigma = climate.variability
        var hourly = [Double](repeating: 0, count: ProfileCalendar.hoursPerYear)
        for day in 0..<ProfileCalendar.daysPerYear {
            let y = 0.8.squareRoot() * region[day] + 0.2.squareRoot() * own[day]
            let value = season[day] * exp(sigma * y - sigma * sigma / 2)
            for hour in 0..<24 { hourly[day * 24 + hour] = value }
        }
        return hourly
    }
}
