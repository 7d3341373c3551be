@testable import EnergyModel
import Testing
@testable import Profiles

@Suite struct SolarProfileTests {
    @Test func fullLoadHoursAreExactForEveryYearAndTechnology() throws {
        let scenario = try Support.shipped()
        for year in [2020, 2025, 2030] {
            let profiles = try ProfileGenerator(scenario: scenario).profiles(for: year)
            for id in ["solar_centralised", "solar_rooftop"] {
                let factors = try #require(profiles.capacityFactor(of: id))
                let hours = scenario.technology(id: id)!.variableParameters!.fullLoadHours!.value(in: year)
                expectRelative(factors.reduce(0, +), hours, 1e-6)
                #expect(factors.allSatisfy { (0...1).contains($0) })
            }
        }
    }

    @Test func noOutputWhileTheSunIsDown() throws {
        let scenario = try Support.shipped()
        let profiles = try ProfileGenerator(scenario: scenario).profiles(for: 2025)
        let factors = profiles.capacityFactor(of: "solar_centralised")!
        var night = 0
        for h in 0..<8760 {
            let sun = SolarPosition(julianDay: profiles.calendar.julianDay(midpointOf: h), latitude: 27.24, longitude: 111.47)
            if sun.elevation <= 0 {
                night += 1
                #expect(factors[h] == 0, "hour \(h)")
            }
        }
        #expect((4200...4600).contains(night))  // about half the year's hours
        #expect(factors[0] == 0 && factors[12] > 0)  // midnight and noon of 1 January
    }

    /// Cloudy and clear days alternate: the coefficient of variation of daily energy is at least 0.2.
    @Test func dailyEnergyVariesFromDayToDay() throws {
        let daily = Support.daily(try Support.profiles().capacityFactor(of: "solar_centralised")!)
        let mean = Support.mean(daily)
        let sd = (daily.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(daily.count)).squareRoot()
        #expect(sd / mean >= 0.2)
        #expect(Support.autocorrelation(daily) > 0.2)  // weather persists from one day to the next
    }

    /// Under clear skies, panels at latitude tilt facing the equator collect more than flat
    /// ones, and flat ones more than panels facing the pole. Under Hunan's cloudy skies
    /// (mostly diffuse light) tilt gains little: within 5 % of flat, still above north.
    @Test func tiltAndAzimuthChangeThePlaneOfArray() {
        let location = Location(name: nil, latitude: 27.24, longitude: 111.47, utcOffsetHours: 8, timeZone: nil)
        let resource = SolarResource(location: location, calendar: ProfileCalendar(year: 2025, utcOffsetHours: 8), climate: SolarClimate(), seed: 1)
        func annual(tilt: Double, azimuth: Double) -> (allSky: Double, clearSky: Double) {
            var allSky = [Double](repeating: 0, count: 8760), clearSky = allSky
            resource.planeOfArray(tilt: tilt, azimuth: azimuth, allSky: &allSky, clearSky: &clearSky)
            return (allSky.reduce(0, +), clearSky.reduce(0, +))
        }
        let south = annual(tilt: 27.24, azimuth: 180), flat = annual(tilt: 0, azimuth: 180), north = annual(tilt: 27.24, azimuth: 0)
        #expect(south.clearSky > 1.05 * flat.clearSky && flat.clearSky > 1.05 * north.clearSky)
        #expect(abs(south.allSky / flat.allSky - 1) < 0.05 && south.allSky > 1.05 * north.allSky)
        expectRelative(flat.allSky, resource.global.reduce(0, +), 1e-12)  // a flat panel sees the global horizontal irradiance
        #expect((900_000...1_500_000).contains(flat.allSky))  // Hunan: about 1 100–1 300 kWh/m² a year
    }

    @Test func erbsCorrelationIsContinuous() {
        #expect(abs(SolarResource.erbsDiffuseFraction(0.22) - SolarResource.erbsDiffuseFraction(0.2200001)) < 1e-3)
        #expect(abs(SolarResource.erbsDiffuseFraction(0.80) - SolarResource.erbsDiffuseFraction(0.8000001)) < 2e-3)
    }
}

extension Technology {
    var variableParameters: VariableRenewable? {
        if case let .variable(parameters) = parameters { return parameters }
        return nil
    }
}
