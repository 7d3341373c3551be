import Accounting
import EconomicDispatch
import EnergyModel
import LinearProgramming
import Profiles

/// capsim's main job: for each year in order, the hourly profiles, the year's conditions
/// (with storage aged by the years already simulated), the optimal dispatch and its
/// annual flows.
///
/// Years run in sequence because a battery's usable energy in a year depends on the
/// cycles of the years before it (`StorageAging`); each year's LP starts and ends its
/// storage and reservoirs at the scenario's levels, so nothing else carries over.
public struct Projection: Sendable {
    public let scenario: Scenario
    public let generator: ProfileGenerator
    public var options = SolverOptions()
    /// Where the profiles of a year come from when several projections share them (see
    /// `ProfileCache`); nil generates them for this projection alone.
    public var profileCache: ProfileCache?

    public init(scenario: Scenario, seed: UInt64? = nil) {
        self.scenario = scenario
        generator = ProfileGenerator(scenario: scenario, seed: seed)
    }

    /// Every storage technology's aging, keyed by id.
    public func aging() -> [String: StorageAging] {
        var aging: [String: StorageAging] = [:]
        for technology in scenario.technologies {
            guard case let .storage(storage) = technology.parameters else { continue }
            aging[technology.id] = StorageAging(storage: storage, power: technology.capacity, baseYear: scenario.baseYear, endYear: scenario.endYear)
        }
        return aging
    }

    /// The first year in which a storage unit that loses energy with its cycles is in
    /// service: from then on a year depends on the years simulated before it.
    public var firstCyclingYear: Int? {
        scenario.years.first { year in
            scenario.technologies.contains { technology in
                guard case let .storage(storage) = technology.parameters else { return false }
                return storage.cycleDegradationPerCycle > 0 && technology.capacity.value(in: year) > 0
            }
        }
    }

    /// Records a simulated year's storage cycles for the aging of the years after it.
    public func recordCycles(of projected: ProjectedYear, in aging: inout [String: StorageAging]) {
        for technology in projected.energy.technologies where technology.kind.isStorage {
            aging[technology.id]?.record(cycles: technology.cycles, in: projected.year)
        }
    }

    /// The LP of one year as `run` builds it, with storage aged by the cycles `aging` holds.
    public func model(year: Int, aging: [String: StorageAging]) throws(ScenarioError) -> DispatchModel {
        let profiles: YearProfiles
        if let profileCache {
            profiles = try profileCache.profiles(for: year, from: generator)
        } else {
            profiles = try generator.profiles(for: year)
        }
        let conditions = YearConditions(scenario: scenario, year: year) { aging[$0]?.usableFraction(in: year) ?? 1 }
        return try DispatchModel(scenario: scenario, conditions: conditions, profiles: profiles)
    }

    /// Runs `years` (within the scenario's) in order and returns every year, hourly
    /// dispatch included, after handing each, as soon as it is done, to `each`.
    public func run(years: ClosedRange<Int>, each: (ProjectedYear) throws -> Void = { _ in }) throws -> [ProjectedYear] {
        var results: [ProjectedYear] = []
        try forEachYear(years) { projected in
            try each(projected)
            results.append(projected)
        }
        return results
    }

    /// Runs `years` (within the scenario's) in order and hands each year, as soon as it
    /// is done, to `each` (which may write it out, so that an interrupted run keeps the
    /// years it finished), keeping none: a year's hourly results are freed unless `each`
    /// keeps them. Throws `ProjectionError`, or what `each` throws.
    public func forEachYear(_ years: ClosedRange<Int>, _ each: (ProjectedYear) throws -> Void) throws {
        var aging = aging()
        for year in years {
            let model: DispatchModel
            do {
                model = try self.model(year: year, aging: aging)
            } catch {
                throw ProjectionError.scenario(error)
            }
            let dispatch: YearDispatch
            do {
                dispatch = try model.solve(options: options)
            } catch {
                throw ProjectionError.dispatch(error)
            }
            let projected = ProjectedYear(conditions: model.conditions, dispatch: dispatch, energy: EnergySummary.annual(dispatch, conditions: model.conditions))
            recordCycles(of: projected, in: &aging)
            try each(projected)
        }
    }
}

/// One simulated year: what went in, the hourly dispatch, and its annual flows.
public struct ProjectedYear: Sendable {
    public var conditions: YearConditions
    public var dispatch: YearDispatch
    public var energy: AnnualEnergy

    public var year: Int { conditions.year }
}

/// Why a projection stopped.
public enum ProjectionError: Error, Sendable, CustomStringConvertible {
    /// The scenario cannot be dispatched in a year (the cause is named).
    case scenario(ScenarioError)
    /// The solver found no optimum.
    case dispatch(DispatchFailure)

    public var description: String {
        switch self {
        case let .scenario(error): error.description
        case let .dispatch(failure): failure.description
        }
    }
}
