import EnergyModel

/// One year's optimal hourly dispatch: every flow and level, hour by hour, and the price.
/// Powers in GW (over one hour, also GWh), levels in GWh, prices in yuan/GWh.
public struct YearDispatch: Sendable {
    public var year: Int
    public var load: [Double]
    /// Each technology's hours, in the scenario's order.
    public var technologies: [TechnologyHours]
    public var imports: [Double]
    public var exports: [Double]
    public var unserved: [Double]
    /// The balance row's dual: the cost of one more GWh of load in the hour, yuan/GWh.
    public var price: [Double]
    public var solver: SolverReport

    public var hours: Int { load.count }

    /// Σ supply − Σ charge + imports − exports + unserved − load in hour t, GW (zero
    /// up to the solver's tolerance).
    public func balanceResidual(at t: Int) -> Double {
        var residual = imports[t] - exports[t] + unserved[t] - load[t]
        for technology in technologies {
            residual += technology.output[t] - (technology.charge?[t] ?? 0)
        }
        return residual
    }
}

/// One technology's hours. `output` is what it sends to the balance (a storage unit's
/// discharge, a reservoir's turbine flow); the optional series exist for the kinds that
/// have them.
public struct TechnologyHours: Sendable {
    public var id: String
    public var kind: TechnologyKind
    public var output: [Double]
    /// Storage: power taken in, GW.
    public var charge: [Double]?
    /// Storage: energy stored; reservoir: energy held — at the end of each hour, GWh.
    public var level: [Double]?
    /// Wind, solar, run-of-river: power the weather or river offered; reservoir: inflow, GW.
    public var available: [Double]?
    /// Wind, solar, run-of-river: offered but not used, GW.
    public var curtailed: [Double]?
    /// Reservoir: water released past the turbines, GW equivalent.
    public var spilled: [Double]?

    init(id: String, kind: TechnologyKind, output: [Double]) {
        self.id = id
        self.kind = kind
        self.output = output
    }
}

/// How the year's LP was solved, in plain values (so reports need not know the solver).
public struct SolverReport: Sendable {
    /// `optimal`, or why not (the solver's status).
    public var status: String
    public var message: String
    /// The LP's objective, yuan (the total cost of the year's dispatch).
    public var objective: Double
    public var iterations: Int
    public var seconds: Double
    /// The linear-algebra path: banded, bordered or dense.
    public var path: String
    public var rows: Int
    public var columns: Int
}
