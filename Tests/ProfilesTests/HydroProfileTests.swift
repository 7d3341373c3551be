@testable import EnergyModel
import Testing
@testable import Profiles

@Suite struct HydroProfileTests {
    /// Quanmutang: 113 GWh a year (plan §三(一)2), 70 % of it in the dry-year variant.
    @Test func stationEnergyIsExactAndScaledByTheDryYearFactor() throws {
        let normal = try #require(try Support.profiles(year: 2025).inflow(of: "quanmutang_hydro"))
        expectRelative(normal.reduce(0, +), 113, 1e-6)
        let dry = try #require(try Support.profiles("shaoyang-dry-year.yaml", year: 2025).inflow(of: "quanmutang_hydro"))
        expectRelative(dry.reduce(0, +), 113 * 0.7, 1e-6)
    }

    /// Run-of-river: inflow = capacity × capacity factor, full-load hours × dry factor, never above capacity.
    @Test func runOfRiverInflowIsCappedAtCapacity() throws {
        let xiaoxi = try #require(try Support.profiles("shaoyang-dry-year.yaml").inflow(of: "xiaoxi_hydro"))
        expectRelative(xiaoxi.reduce(0, +), 0.135 * 3730 * 0.7, 1e-6)
        #expect(xiaoxi.allSatisfy { $0 <= 0.135 * (1 + 1e-12) })
    }

    @Test func floodSeasonCarriesMostOfTheInflow() throws {
        let inflow = try Support.profiles().inflow(of: "quanmutang_hydro")!
        let flood = inflow[(90 * 24)..<(212 * 24)].reduce(0, +)  // April to July
        #expect(flood / inflow.reduce(0, +) > 0.5)
        let daily = Support.daily(inflow)
        #expect(Set(daily).count > 300)  // varies from day to day
        #expect(Support.autocorrelation(daily) > 0.8)
    }

    @Test func stationsAreCorrelatedButNotIdentical() throws {
        let profiles = try Support.profiles()
        let a = Support.daily(profiles.inflow(of: "xiaoxi_hydro")!), b = Support.daily(profiles.inflow(of: "quanmutang_hydro")!)
        let ma = Support.mean(a), mb = Support.mean(b)
        var cov = 0.0, va = 0.0, vb = 0.0
        for i in a.indices {
            cov += (a[i] - ma) * (b[i] - mb)
            va += (a[i] - ma) * (a[i] - ma)
            vb += (b[i] - mb) * (b[i] - mb)
        }
        let correlation = cov / (va * vb).squareRoot()
        #expect(correlation > 0.6 && correlation < 0.999)
    }

    /// Baoqing: forced outage 5 %, half the plant out for 28 days from 1 April.
    @Test func availabilityHasMaintenanceAndForcedOutage() throws {
        let coal = try #require(try Support.profiles().availability(of: "baoqing_coal"))
        let start = 90 * 24
        #expect(coal[start - 1] == 0.95 && coal[start + 28 * 24] == 0.95)
        #expect(coal[start..<(start + 28 * 24)].allSatisfy { abs($0 - 0.475) < 1e-12 })
        expectRelative(coal.reduce(0, +), 0.95 * 8760 - 0.475 * 672, 1e-12)
        #expect(try Support.profiles().availability(of: "biomass")!.allSatisfy { abs($0 - 0.92) < 1e-12 })
    }

    @Test func maintenanceWindowWrapsIntoJanuary() {
        var availability = Availability()
        availability.maintenance = .init(startMonth: 12, startDay: 31, hours: 48, fraction: 1)
        let hourly = AvailabilityModel.hourly(availability)
        #expect(hourly[8759] == 0 && hourly[23] == 0 && hourly[24] == 1 && hourly[8735] == 1)
    }
}
