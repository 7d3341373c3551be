import EnergyModel
import Testing
@testable import Profiles

@Suite struct WindProfileTests {
    @Test func fullLoadHoursAreExact() throws {
        let factors = try #require(try Support.profiles().capacityFactor(of: "wind"))
        expectRelative(factors.reduce(0, +), 1970, 1e-6)
        #expect(factors.allSatisfy { (0...1).contains($0) })
    }

    @Test func speedsAreAutocorrelatedWeibullWithTheClimatesMean() {
        let climate = WindClimate()
        let wind = WindResource(climate: climate, calendar: ProfileCalendar(year: 2025, utcOffsetHours: 8), seed: 11)
        #expect(Support.autocorrelation(wind.speed) >= 0.9)
        expectRelative(Support.mean(wind.speed), climate.meanSpeed, 0.1)
        // Weibull k = 2: P(v > mean) = exp(−(Γ(1.5))²) ≈ 0.456 (before modulation).
        let above = Double(wind.speed.count { $0 > climate.meanSpeed }) / 8760
        #expect((0.36...0.56).contains(above))
    }

    @Test func capacityFactorsAreAutocorrelated() throws {
        let factors = try Support.profiles().capacityFactor(of: "wind")!
        #expect(Support.autocorrelation(factors) >= 0.9)
    }

    /// (7.5³ − 3³) / (12³ − 3³) = 394.875 / 1701.
    @Test func powerCurveByHand() {
        let curve = PowerCurve()
        #expect(curve.output(at: 2.9) == 0 && curve.output(at: 3) == 0)
        expectRelative(curve.output(at: 7.5), 394.875 / 1701, 1e-12)
        #expect(curve.output(at: 12) == 1 && curve.output(at: 24.9) == 1 && curve.output(at: 25) == 0)
    }

    @Test func seasonalModulationPeaksInTheWindiestMonth() {
        var climate = WindClimate()
        climate.seasonalAmplitude = 0.4
        climate.windiestMonth = 3
        let speed = WindResource(climate: climate, calendar: ProfileCalendar(year: 2025, utcOffsetHours: 8), seed: 5).speed
        let march = Support.mean(Array(speed[(59 * 24)..<(90 * 24)])), september = Support.mean(Array(speed[(243 * 24)..<(273 * 24)]))
        #expect(march > september)
    }
}
