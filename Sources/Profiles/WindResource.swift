import EnergyModel
import Foundation

/// One year of hourly hub-height wind speeds, m/s, shared by every wind technology.
///
/// vₕ = F⁻¹(Φ(zₕ)) · m(d, hour), where
/// - zₕ is a stationary Gaussian AR(1) process with hour-to-hour correlation
///   `persistence` (weather systems last days, so speeds change slowly);
/// - Φ is the standard normal distribution function and F⁻¹(u) = λ (−ln(1 − u))^(1/k)
///   the Weibull quantile with shape k and scale λ = mean / Γ(1 + 1/k), so that the
///   speeds are Weibull-distributed with the climate's mean;
/// - m = 1 + A_s cos(2π (d − d_peak) / 365) + A_d cos(2π (hour − hour_peak) / 24) is the
///   seasonal and daily modulation (mean 1 over a year).
struct WindResource {
    private(set) var speed: [Double]

    init(climate: WindClimate, calendar: ProfileCalendar, seed: UInt64) {
        var random = RandomStream(seed: seed, year: calendar.year, series: "wind")
        var z = [Double](repeating: 0, count: ProfileCalendar.hoursPerYear)
        random.autoregressive(climate.persistence, into: &z)
        let k = climate.weibullShape, scale = climate.meanSpeed / tgamma(1 + 1 / k)
        let peakDay = Double(ProfileCalendar.day(month: climate.windiestMonth, day: 15))
        for h in z.indices {
            let day = Double(h / 24), hour = Double(h % 24)
            let u = min(max(0.5 * erfc(-z[h] / 2.0.squareRoot()), 1e-12), 1 - 1e-12)
            let modulation = 1 + climate.seasonalAmplitude * cos(2 * .pi * (day - peakDay) / 365)
                + climate.diurnalAmplitude * cos(2 * .pi * (hour - Double(climate.windiestHour)) / 24)
            z[h] = scale * pow(-log(1 - u), 1 / k) * modulation
        }
        speed = z
    }

    /// The turbine's output fraction in every hour.
    func output(of curve: PowerCurve, into result: inout [Double]) {
        for h in speed.indices { result[h] = curve.output(at: speed[h]) }
    }
}
