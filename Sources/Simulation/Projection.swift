import Accounting
import Dispatch
import EconomicDispatch
import EnergyModel
import Foundation
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
    /// The solver setup shared by the years of this projection run one after another, and
    /// by whatever else runs on the same thread (a sweep's worker hands its points one);
    /// nil makes one for each `forEachYear`. (See `SolverSession`.)
    public var solverSession: SolverSession?

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
        try model(year: year, aging: aging, profiles: profiles(for: year))
    }

    /// The year's hourly series, from `profileCache` when there is one.
    func profiles(for year: Int) throws(ScenarioError) -> YearProfiles {
        if let profileCache { return try profileCache.profiles(for: year, from: generator) }
        return try generator.profiles(for: year)
    }

    private func model(year: Int, aging: [String: StorageAging], profiles: YearProfiles) throws(ScenarioError) -> DispatchModel {
        let conditions = YearConditions(scenario: scenario, year: year) { aging[$0] }
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
    ///
    /// With two `cores` or more, the years before `firstCyclingYear` — which depend on no
    /// other year — run on this thread while the years from it on run in order on a
    /// second one, and a year solves with two threads while the other core has nothing
    /// to do: every year when none is independent; otherwise each chained year from the
    /// iteration after the independent years are done (`SolverOptions.spareCore`), which
    /// is often in the middle of the second chained year. `each` still receives every
    /// year in order, on this thread, and the results are the same as run one by one on
    /// one core. While a chained year is set up and solved, the hourly series of the next
    /// one are generated on another thread (`NextProfiles`): they depend on no other year,
    /// and the year's own setup — its LP and the solver's form of it, some 20 ms — leaves
    /// the other core idle. (Sweeps leave `cores` at 1: they already run a point per core.)
    public func forEachYear(_ years: ClosedRange<Int>, cores: Int = 1, _ each: (ProjectedYear) throws -> Void) throws {
        let split = min(max(firstCyclingYear ?? years.upperBound + 1, years.lowerBound), years.upperBound + 1)
        let threads = cores > 1 ? 2 : 1
        guard cores > 1, split > years.lowerBound, split <= years.upperBound else {
            var aging = aging()
            let session = solverSession ?? SolverSession()
            for year in years {
                let projected = try project(year, aging: aging, session: session, threads: threads)
                recordCycles(of: projected, in: &aging)
                try each(projected)
            }
            return
        }
        let chain = YearChannel(), chained = split...years.upperBound, spare = SpareCore()
        DispatchQueue.global(qos: .userInitiated).async {
            var aging = self.aging()
            let session = SolverSession(), upcoming = NextProfiles(self)
            for year in chained where !chain.isCancelled {
                do throws(ProjectionError) {
                    let profiles = try upcoming.take(year).mapError(ProjectionError.scenario).get()
                    if year < chained.upperBound { upcoming.start(year + 1) }
                    let projected = try self.project(year, aging: aging, session: session, threads: 1, spareCore: spare, profiles: profiles)
                    self.recordCycles(of: projected, in: &aging)
                    chain.put(.success(projected))
                } catch {
                    chain.put(.failure(error))
                    break
                }
            }
            chain.close()
        }
        defer { chain.cancelAndWait() }
        try runIndependent(years.lowerBound..<split, each)
        spare.release()
        for _ in chained { try each(chain.take().get()) }
    }

    /// Years that depend on no other, in order, with a solver session of their own that
    /// is freed when they are done (the later years still run).
    private func runIndependent(_ years: Range<Int>, _ each: (ProjectedYear) throws -> Void) throws {
        let independent = aging(), session = solverSession ?? SolverSession()
        for year in years { try each(project(year, aging: independent, session: session, threads: 1)) }
    }

    /// One year's LP built and solved on `threads` threads (two once `spareCore`, else
    /// the one of `options`, is released), with storage aged by the cycles `aging` holds.
    /// `profiles`, when given, are the year's series, already generated.
    private func project(_ year: Int, aging: [String: StorageAging], session: SolverSession, threads: Int,
                         spareCore: SpareCore? = nil, profiles: YearProfiles? = nil) throws(ProjectionError) -> ProjectedYear {
        let model: DispatchModel
        do {
            let series: YearProfiles
            if let profiles { series = profiles } else { series = try self.profiles(for: year) }
            model = try self.model(year: year, aging: aging, profiles: series)
        } catch {
            throw ProjectionError.scenario(error)
        }
        let dispatch: YearDispatch
        do {
            var options = options
            options.threads = threads
            options.spareCore = spareCore ?? options.spareCore
            dispatch = try model.solve(options: options, session: session)
        } catch {
            throw ProjectionError.dispatch(error)
        }
        return ProjectedYear(conditions: model.conditions, dispatch: dispatch, energy: EnergySummary.annual(dispatch, conditions: model.conditions))
    }
}

/// The hourly series of the next chained year, generated on a thread of their own while
/// the chain sets up and solves the year before (see `Projection.forEachYear`).
///
/// `@unchecked Sendable`: `year` and `ready` are read and written only under
/// `condition`; `projection` is a value set once.
private final class NextProfiles: @unchecked Sendable {
    private let projection: Projection
    private let condition = NSCondition()
    private var year: Int?
    private var ready: Result<YearProfiles, ScenarioError>?

    init(_ projection: Projection) {
        self.projection = projection
    }

    /// Starts generating `year`'s series.
    func start(_ year: Int) {
        condition.withLock {
            self.year = year
            ready = nil
        }
        DispatchQueue.global(qos: .userInitiated).async { [projection] in
            let made = Result { () throws(ScenarioError) in try projection.profiles(for: year) }
            self.condition.withLock {
                self.ready = made
                self.condition.broadcast()
            }
        }
    }

    /// `year`'s series: the ones started, once generated, or generated now when they were
    /// not started.
    func take(_ year: Int) -> Result<YearProfiles, ScenarioError> {
        let started = condition.withLock { () -> Result<YearProfiles, ScenarioError>? in
            guard self.year == year else { return nil }
            while ready == nil { condition.wait() }
            return ready
        }
        return started ?? Result { () throws(ScenarioError) in try projection.profiles(for: year) }
    }
}

/// The years the second thread of a concurrent projection has finished, in order, until
/// it closes the channel; the caller takes them one by one, waiting for each.
///
/// `@unchecked Sendable`: `ready`, `closed` and `cancelled` are read and written only
/// under `condition`.
private final class YearChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Result<ProjectedYear, ProjectionError>] = []
    private var closed = false, cancelled = false

    var isCancelled: Bool { condition.withLock { cancelled } }

    func put(_ result: Result<ProjectedYear, ProjectionError>) {
        condition.withLock {
            ready.append(result)
            condition.broadcast()
        }
    }

    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// The next year, waiting for it; a channel closed early (which only a failure does,
    /// and the failure comes first) never leaves the caller waiting.
    func take() -> Result<ProjectedYear, ProjectionError> {
        condition.withLock {
            while ready.isEmpty && !closed { condition.wait() }
            return ready.isEmpty ? .failure(.interrupted) : ready.removeFirst()
        }
    }

    /// Stops the second thread after its current year and waits for it to finish.
    func cancelAndWait() {
        condition.withLock {
            cancelled = true
            while !closed { condition.wait() }
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
    /// The thread running the later years stopped without a year or an error (not expected).
    case interrupted

    public var description: String {
        switch self {
        case let .scenario(error): error.description
        case let .dispatch(failure): failure.description
        case .interrupted: "capsim: the projection stopped before its last year"
        }
    }
}
