import Foundation
import Synchronization

/// How the normal equations A Θ Aᵀ Δy = r of each interior-point iteration are solved.
public enum KKTPath: String, Sendable, CaseIterable {
    /// Rows ordered by stage, A Θ Aᵀ stored as a band and factored by band Cholesky.
    case banded
    /// The banded path for rows within stages, plus linking rows and dense columns as a
    /// border eliminated through a small dense Schur complement.
    case bordered
    /// A Θ Aᵀ as a dense matrix, factored by dense Cholesky (small problems).
    case dense
    /// Choose from the problem: stage information and a narrow band → banded or
    /// bordered; otherwise a bandwidth-reducing ordering, then banded if narrow, dense if small.
    case automatic
}

/// Tolerances and limits of the interior-point method.
public struct SolverOptions: Sendable {
    /// Relative primal infeasibility ‖A x − r‖ / (1 + ‖r‖) at which a point counts as feasible.
    public var primalTolerance = 1e-9
    /// Relative dual infeasibility ‖c − Aᵀy − z‖ / (1 + ‖c‖).
    public var dualTolerance = 1e-9
    /// Relative duality gap |cᵀx − bᵀy| / (1 + |cᵀx|).
    public var gapTolerance = 1e-9
    public var maxIterations = 200
    /// Most Gondzio centrality correctors per iteration (each one more solve with the
    /// same factor, kept only when it lengthens the step). None by default: on the
    /// one-year dispatch LP, with and without an annual linking row, they save fewer
    /// iterations than the passes they cost.
    public var correctors = 0
    public var path: KKTPath = .automatic
    /// Threads for the passes over the columns of one solve: with 2 (or more) the two
    /// halves of each pass run at once. The halves are the same on one thread, so the
    /// result does not depend on it. One by default: capsim runs a solver per core, and
    /// gives a solve a second thread only when a core would otherwise be idle (the years
    /// of a projection that must run one after another).
    public var threads = 1
    /// A core that may become free during the solve: once `SpareCore.release()` is
    /// called, every iteration from the next on runs on two threads, as with `threads`
    /// = 2 (and with the same result).
    public var spareCore: SpareCore?
    /// Largest number of rows the dense path accepts.
    public var denseLimit = 3000
    /// Primal regularisation ρ of the Newton steps (scaled units; see
    /// `MehrotraIterations`). A solve that ends in numerical trouble is tried again with
    /// each larger one of `retryPrimalRegularizations` in turn (`InteriorPointSolver`).
    public var primalRegularization = 1e-11
    /// Whether the iterations may stop on a direction of unboundedness (`Certificate`).
    /// The solver turns it off for a second solve once an auxiliary LP has shown that
    /// the LP has a feasible point and no improving direction, so that its optimum exists
    /// (`InteriorPointSolver.solve`).
    var mayFindUnboundedRay = true

    public init() {}
}

/// A second core that other work holds for now and hands over when it is done (a
/// projection's years that depend on no other, solved beside the first chained year):
/// a solve that was given it (`SolverOptions.spareCore`) checks it once an iteration.
public final class SpareCore: Sendable {
    private let free = Atomic<Bool>(false)

    public init() {}

    /// The core is free from now on.
    public func release() {
        free.store(true, ordering: .releasing)
    }

    public var isFree: Bool { free.load(ordering: .acquiring) }
}

/// The end state of a solve, with a message saying why.
public enum SolverStatus: String, Sendable {
    case optimal
    case primalInfeasible = "primal infeasible"
    case dualInfeasible = "dual infeasible (unbounded)"
    case iterationLimit = "iteration limit"
    case numericalTrouble = "numerical trouble"
    case invalidProblem = "invalid problem"
}

/// What a solve returns: the status, the point and its duals, and how it went.
public struct LPSolution: Sendable {
    public var status: SolverStatus
    public var message: String
    /// cᵀx + constant, in the problem's own sense (max problems are not negated).
    public var objective: Double
    /// Column values.
    public var x: [Double]
    /// Row activities A x.
    public var rowActivity: [Double]
    /// Row duals y (the objective's sensitivity to each row's bound, in the problem's sense).
    public var rowDuals: [Double]
    /// Reduced costs c − Aᵀy.
    public var reducedCosts: [Double]
    public var iterations: Int
    /// Iterations of the auxiliary LPs that diagnosed a stall (`StallDiagnosis`); 0 for most solves.
    public var auxiliaryIterations = 0
    /// Wall time of the solve, the diagnosis of a stall included.
    public var seconds: Double
    /// The linear-algebra path that ran.
    public var path: KKTPath
    /// Dense columns kept out of the band and eliminated apart (see docs/solver.md); 0 for most LPs.
    public var denseColumns = 0
    /// Final relative primal and dual infeasibility and gap.
    public var primalInfeasibility: Double
    public var dualInfeasibility: Double
    public var gap: Double
}
