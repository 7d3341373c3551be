import EnergyModel
import Foundation

/// One year of hourly irradiance at the scenario's location, shared by every solar
/// technology (they differ only in orientation and full-load hours). W/m².
///
/// Model chain, per hour (at the hour's midpoint):
/// 1. sun position (`SolarPosition`); extraterrestrial normal irradiance I₀ = 1361 / r²;
/// 2. clear sky: DNI = I₀ · 0.7^(AM^0.678) (Meinel), diffuse DHI = 0.1 · DNI · cos z,
///    with the Kasten–Young (1989) air mass AM = 1 / (cos z + 0.50572 (96.07995 − z)^−1.6364);
/// 3. all sky: GHI = k · GHI_clear, with k the clearness: a daily logistic-normal AR(1)
///    process (mean `meanClearness`, spread `variability`, day-to-day correlation
///    `persistence`) times an hourly lognormal AR(1) factor (σ 0.12, φ 0.7), at most 1;
/// 4. diffuse fraction from the hourly clearness index kt = GHI / (I₀ cos z) by the
///    Erbs et al. (1982) correlation; DNI = (GHI − DHI) / cos z;
/// 5. plane of array (`planeOfArray`): beam on the tilted plane + isotropic sky diffuse
///    + ground reflection (albedo 0.2).
/// Hours with the sun at or below the horizon have no irradiance.
struct SolarResource {
    private(set) var cosZenith: [Double]
    private(set) var sinZenith: [Double]
    private(set) var sunAzimuth: [Double]
    private(set) var beam: [Double], diffuse: [Double], global: [Double]
    private(set) var clearBeam: [Double], clearDiffuse: [Double], clearGlobal: [Double]

    static let solarConstant = 1361.0, albedo = 0.2

    init(location: Location, calendar: ProfileCalendar, climate: SolarClimate, seed: UInt64) {
        let n = ProfileCalendar.hoursPerYear
        let zero = [Double](repeating: 0, count: n)
        (cosZenith, sinZenith, sunAzimuth) = (zero, zero, zero)
        (beam, diffuse, global, clearBeam, clearDiffuse, clearGlobal) = (zero, zero, zero, zero, zero, zero)
        let clearness = Self.clearness(climate, year: calendar.year, seed: seed)
        for h in 0..<n {
            let sun = SolarPosition(julianDay: calendar.julianDay(midpointOf: h), latitude: location.latitude, longitude: location.longitude)
            guard sun.zenith < 90 else { continue }
            let z = sun.zenith * .pi / 180, cz = cos(z)
            cosZenith[h] = cz
            sinZenith[h] = sin(z)
            sunAzimuth[h] = sun.azimuth * .pi / 180
            let normal = Self.solarConstant / (sun.distance * sun.distance)
            let airMass = 1 / (cz + 0.50572 * pow(96.07995 - sun.zenith, -1.6364))
            clearBeam[h] = normal * pow(0.7, pow(airMass, 0.678))
            clearDiffuse[h] = 0.1 * clearBeam[h] * cz
            clearGlobal[h] = clearBeam[h] * cz + clearDiffuse[h]
            global[h] = clearness[h] * clearGlobal[h]
            diffuse[h] = Self.erbsDiffuseFraction(global[h] / (normal * cz)) * global[h]
            beam[h] = (global[h] - diffuse[h]) / cz
        }
    }

    /// Hourly clearness k (0.02–1): daily logistic-normal AR(1) times hourly noise.
    static func clearness(_ climate: SolarClimate, year: Int, seed: UInt64) -> [Double] {
        var random = RandomStream(seed: seed, year: year, series: "solar")
        var daily = [Double](repeating: 0, count: ProfileCalendar.daysPerYear)
        random.autoregressive(climate.persistence, into: &daily)
        var hourly = [Double](repeating: 0, count: ProfileCalendar.hoursPerYear)
        random.autoregressive(0.7, into: &hourly)
        let m = min(max(climate.meanClearness, 0.01), 0.99)
        let centre = log(m / (1 - m)), spread = climate.variability / (m * (1 - m))
        for h in hourly.indices {
            let day = 1 / (1 + exp(-(centre + spread * daily[h / 24])))
            hourly[h] = min(1, max(0.02, day * exp(0.12 * hourly[h] - 0.0072)))
        }
        return hourly
    }

    /// Diffuse fraction of global horizontal irradiance (Erbs, Klein and Duffie, 1982).
    static func erbsDiffuseFraction(_ kt: Double) -> Double {
        if kt <= 0.22 { return 1 - 0.09 * kt }
        if kt <= 0.80 { return 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * pow(kt, 3) + 12.336 * pow(kt, 4) }
        return 0.165
    }

    /// Irradiance on a plane tilted `tilt` degrees from horizontal, facing `azimuth`
    /// degrees clockwise from north, W/m², for all-sky and clear-sky conditions:
    /// POA = DNI · max(0, cos θ) + DHI (1 + cos β)/2 + GHI · ρ (1 − cos β)/2, with
    /// cos θ = cos z cos β + sin z sin β cos(γ_sun − γ_panel).
    func planeOfArray(tilt: Double, azimuth: Double, allSky: inout [Double], clearSky: inout [Double]) {
        let beta = tilt * .pi / 180, gamma = azimuth * .pi / 180
        let sky = (1 + cos(beta)) / 2, ground = Self.albedo * (1 - cos(beta)) / 2
        for h in cosZenith.indices {
            guard cosZenith[h] > 0 else {
                allSky[h] = 0
                clearSky[h] = 0
                continue
            }
            let incidence = max(0, cosZenith[h] * cos(beta) + sinZenith[h] * sin(beta) * cos(sunAzimuth[h] - gamma))
            allSky[h] = beam[h] * incidence + diffuse[h] * sky + global[h] * ground
            clearSky[h] = clearBeam[h] * incidence + clearDiffuse[h] * sky + clearGlobal[h] * ground
        }
    }
}
