import Testing
@testable import EconomicDispatch
@testable import EnergyModel
@testable import Simulation

/// Every year of the default scenario: the hourly balance closes, storage and reservoir
/// levels follow their equations, and no bound is broken — each to 1e-6 (GW or GWh).
@Suite struct DefaultScenarioDispatchTests {
    /// Every year, projected once for the suite; a failure is each test's failure (read as
    /// no years, it let the balance and level tests pass over nothing).
    static let projected: Result<[ProjectedYear], any Error> = Result(catching: {
        let scenario = try ScenarioFixture.shaoyang()
        return try Projection(scenario: scenario).run(years: scenario.years)
    })

    /// The years projected, all of the scenario's.
    static func years() throws -> [ProjectedYear] {
        let years = try projected.get()
        try #require(years.map(\.year) == Array(try ScenarioFixture.shaoyang().years))
        return years
    }

    @Test func everyYearIsSolved() throws {
        for year in try Self.years() { #expect(year.dispatch.solver.status == "optimal") }
    }

    @Test func balanceClosesInEveryHour() throws {
        for year in try Self.years() {
            let worst = (0..<year.dispatch.hours).map { abs(year.dispatch.balanceResidual(at: $0)) }.max() ?? .infinity
            #expect(worst <= 1e-6, "\(year.year): largest balance residual \(worst) GW")
        }
    }

    @Test func levelsFollowTheirEquations() throws {
        var checked = (storage: 0, reservoirs: 0)
        for year in try Self.years() {
            for (unit, hours) in zip(year.conditions.technologies, year.dispatch.technologies) {
                switch unit.technology.parameters {
                case let .storage(storage):
                    guard let capacity = unit.energyCapacity, capacity.contains(where: { $0 > 0 }) else { continue }
                    var previous = storage.initialStateOfCharge * capacity[0], worst = 0.0
                    for t in 0..<year.dispatch.hours {
                        let expected = (1 - storage.selfDischargePerHour) * previous + storage.chargeEfficiency * hours.charge![t]
                            - hours.output[t] / storage.dischargeEfficiency
                        worst = max(worst, abs(hours.level![t] - expected))
                        #expect(hours.level![t] >= storage.minimumStateOfCharge * capacity[t] - 1e-6)
                        #expect(hours.level![t] <= storage.maximumStateOfCharge * capacity[t] + 1e-6)
                        #expect(hours.output[t] >= -1e-6 && hours.output[t] <= unit.hourlyCapacity[t] + 1e-6)
                        #expect(hours.charge![t] >= -1e-6 && hours.charge![t] <= unit.hourlyCapacity[t] + 1e-6)
                        previous = hours.level![t]
                    }
                    #expect(worst <= 1e-6, "\(year.year) \(unit.technology.id): state of charge off by \(worst) GWh")
                    #expect(hours.level!.last! >= storage.initialStateOfCharge * capacity[year.dispatch.hours - 1] - 1e-6)
                    checked.storage += 1
                case let .reservoir(reservoir):
                    guard unit.hourlyCapacity.contains(where: { $0 > 0 }) else {
                        #expect(hours.level!.allSatisfy { $0 == 0 } && hours.spilled!.allSatisfy { $0 == 0 }, "\(year.year) \(unit.technology.id) before it is built")
                        continue
                    }
                    var previous = reservoir.initialLevel * reservoir.storageEnergy, worst = 0.0
                    for t in 0..<year.dispatch.hours {
                        let expected = previous + hours.available![t] - hours.output[t] - hours.spilled![t]
                        worst = max(worst, abs(hours.level![t] - expected))
                        #expect(hours.level![t] >= reservoir.minimumLevel * reservoir.storageEnergy - 1e-6)
                        #expect(hours.level![t] <= reservoir.maximumLevel * reservoir.storageEnergy + 1e-6)
                        #expect(hours.output[t] + hours.spilled![t] >= reservoir.environmentalFlow - 1e-6)
                        previous = hours.level![t]
                    }
                    #expect(worst <= 1e-6, "\(year.year) \(unit.technology.id): reservoir level off by \(worst) GWh")
                    checked.reservoirs += 1
                default:
                    for t in 0..<year.dispatch.hours {
                        #expect(hours.output[t] >= -1e-6 && hours.output[t] <= unit.hourlyCapacity[t] + 1e-6, "\(year.year) \(unit.technology.id) hour \(t)")
                    }
                }
            }
        }
        // Storage (LFP from 2023, pumped storage from 2027) and Quanmutang (from 2025) were checked.
        #expect(checked.storage > 0 && checked.reservoirs > 0, "\(checked)")
    }
}
