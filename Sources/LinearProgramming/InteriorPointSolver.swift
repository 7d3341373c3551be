import Foundation
import LinearAlgebra

/// capsim's LP solver: a primal-dual interior-point method (Mehrotra's predictor-
/// corrector) on the bounded equality form of `StandardForm`:
///
///     min cᵀx   s.t.   A x = b,   x − s_l = l (s_l ≥ 0),   x + s_u = u (s_u ≥ 0)
///
/// with duals y, z_l ≥ 0, z_u ≥ 0 and dual residual c − Aᵀy − z_l + z_u. Each iteration
/// eliminates the bound slacks and duals, leaving the normal equations
///
///     A Θ Aᵀ Δy = r_p + A Θ ξ,   Θ = (z_l/s_l + z_u/s_u + ρ)⁻¹
///
/// which `NormalEquations` factors once and solves twice (predictor, corrector). ρ is a
/// small primal regularisation that keeps Θ finite for free columns. The iteration stops
/// when the relative primal and dual infeasibilities and the relative gap are within
/// `SolverOptions`; it reports primal or dual infeasibility when the iterates approach a
/// Farkas ray (see `Certificate`); it never crosses over to a vertex.
public enum InteriorPointSolver {
    /// Solves `lp`; with a `session`, the setup of the session's previous solve is taken
    /// when the matrix is the same (see `SolverSession`), and this solve's is kept.
    ///
    /// When the iterations stall (numerical trouble), they start once more with a primal
    /// regularisation ten times larger, and when that start stalls too, a third time with
    /// 10⁻⁷, a thousand times the second's (`retryPrimalRegularizations`); the iterations
    /// of all starts are counted, and the message says so (and gives each later start's
    /// own message when it stalls too); `SolverOptions.maxIterations` bounds them together,
    /// and the start again of an LP found bounded below (the auxiliary LPs, counted apart,
    /// each have that many of their own). A verdict of a later start is checked as the
    /// first's would be. When the last start stalls too (or the limit leaves none),
    /// `StallDiagnosis` solves two auxiliary LPs to tell an infeasible or unbounded LP from
    /// one whose optimum was not reached, and the status and message say which. An LP found unbounded is checked the
    /// same way (`StallDiagnosis.confirmUnbounded`): an LP with no feasible point is primal
    /// infeasible, whatever its objective does (its dual is infeasible too), and one with
    /// a feasible point but no improving direction is solved again by iterations that do
    /// not stop on a ray: its optimum lay beyond the 10⁶ at which `Certificate` reads the
    /// iterates' growth as one.
    ///
    /// A bound or row bound of 10²⁰ or more in size is infinite (`infiniteBounds`).
    public static func solve(_ given: LinearProgram, options: SolverOptions = SolverOptions(), session: SolverSession? = nil) -> LPSolution {
        let clock = ContinuousClock(), start = clock.now
        let lp = infiniteBounds(given)
        var solution = startAgainOnTrouble(lp, after: solveOnce(lp, options: options, session: session), options: options, session: session)
        guard [.numericalTrouble, .dualInfeasible].contains(solution.status), lp.inconsistency() == nil else {
            solution.seconds = (clock.now - start).seconds
            return solution
        }
        if solution.status == .numericalTrouble {
            let diagnosis = StallDiagnosis.diagnose(lp, options: options)
            solution.status = diagnosis.status
            solution.message = diagnosis.status == .numericalTrouble
                ? "\(solution.message); \(diagnosis.message)"
                : "\(diagnosis.message) (the iterations had stalled: \(solution.message))"
            solution.auxiliaryIterations = diagnosis.iterations
        } else {
            let (verdict, auxiliary) = StallDiagnosis.confirmUnbounded(lp, options: options)
            switch verdict {
            case let .infeasible(why):
                solution.status = .primalInfeasible
                solution.message = "\(why) (and \(solution.message): the dual is infeasible too)"
            case .confirmed:
                break
            case let .undecided(why):
                solution.message += "; \(why)"
            case .bounded where solution.iterations >= options.maxIterations:
                solution.status = .iterationLimit
                solution.message = "stopped after \(solution.iterations) iterations, at a ray the auxiliary LPs found bounded: the limit left none to go on"
            case .bounded:
                var again = options
                again.mayFindUnboundedRay = false
                again.maxIterations = options.maxIterations - solution.iterations
                let first = solution
                solution = solveOnce(lp, options: again, session: session)
                solution.iterations += first.iterations
                solution.message += """
                     (a second start, after the first had stopped at "\(first.message)": auxiliary LPs found a point meeting every row and \
                    no direction improving without end)
                    """
            }
            solution.auxiliaryIterations = auxiliary
        }
        solution.seconds = (clock.now - start).seconds
        return solution
    }

    /// `first`, or when it ended in numerical trouble, the solve of `lp` from a start with
    /// each of `retryPrimalRegularizations` above the one `options` gave, in turn, until one
    /// ends otherwise, with the iterations of all starts and one message naming each in
    /// turn (not one inside another: "… (a third start, with primal regularisation 1e-7,
    /// after the first: …; the second, with 1e-10: …)"). When every start stalls, the point
    /// returned is the first start's. `maxIterations` bounds the starts together
    /// (`--max-iterations 45` ran 85 in two).
    static func startAgainOnTrouble(_ lp: LinearProgram, after first: LPSolution, options: SolverOptions, session: SolverSession?) -> LPSolution {
        var solution = first
        var stalled: [(number: String, rho: Double, message: String)] = []
        let larger = retryPrimalRegularizations.filter { $0 > options.primalRegularization }
        for (number, rho) in zip(["second", "third"], larger) {
            guard solution.status == .numericalTrouble, solution.iterations < options.maxIterations else { break }
            var retry = options
            retry.primalRegularization = rho
            retry.maxIterations -= solution.iterations
            var again = solveOnce(lp, options: retry, session: session)
            again.iterations += solution.iterations
            if again.status != .numericalTrouble {
                let before = ["the first: \(first.message)"] + stalled.map { "the \($0.number), with \(powerOfTen($0.rho)): \($0.message)" }
                again.message += " (a \(number) start, with primal regularisation \(powerOfTen(rho)), after \(before.joined(separator: "; ")))"
                return again
            }
            solution.iterations = again.iterations
            stalled.append((number, rho, again.message))
        }
        guard let second = stalled.first else { return solution }
        let rest = stalled.dropFirst().map { "; and a \($0.number), with \(powerOfTen($0.rho)): \($0.message)" }.joined()
        solution.message += " (and so did a \(second.number) start, with primal regularisation \(powerOfTen(second.rho)): \(second.message)\(rest))"
        return solution
    }

    /// `value` as 1eN when it is a power of ten (`1e-7`, where Swift writes `1e-07`).
    static func powerOfTen(_ value: Double) -> String {
        let exponent = log10(value).rounded()
        return value == pow(10, exponent) ? "1e\(Int(exponent))" : "\(value)"
    }

    /// Bounds of this size or more are infinite, as HiGHS and most writers of MPS mean
    /// them (`1e30` for "no bound"): read as finite, such a bound put an empty column's
    /// optimum at −10³⁰ instead of calling the LP unbounded.
    static let infinite = 1e20

    /// The primal regularisations of the second and third starts after numerical trouble.
    /// The default 10⁻¹¹ serves flat optimal faces; 10⁻¹⁰ keeps the primal residual where
    /// Θ = 1/ρ of columns inside their bounds would otherwise swamp it (see
    /// `MehrotraIterations`). 10⁻⁷ serves an LP whose rows have a combination that only
    /// columns at their bounds move (Θ of 10⁻⁷ or less), beside columns far inside theirs
    /// (Θ = 1/ρ): a reservoir whose environmental flow takes all but 3·10⁻⁶ of its inflow,
    /// whose water rows less its flow rows add up to the year's inflow less its flow, which
    /// only the flow rows' slacks and the last level move. With ρ = 10⁻¹¹ the normal
    /// equations are nearly singular along that combination, beyond what double precision
    /// resolves, and each direction misses A Δx = r_p by 10⁻⁷–10⁻⁶ (measured), more than the
    /// residual it should remove, so the primal residual and the gap −yᵀr_p it leaves hold
    /// still; refining the solves does not converge there. With 10⁻⁷ it solves in 34
    /// iterations (docs/solver.md, *Later starts*).
    static let retryPrimalRegularizations = [1e-10, 1e-7]

    /// `lp` with every column and row bound of `infinite` size or more made ±∞ (the same
    /// LP when none is).
    static func infiniteBounds(_ lp: LinearProgram) -> LinearProgram {
        func large(_ v: Double) -> Bool { v.isFinite && abs(v) >= infinite }
        guard lp.columnLower.contains(where: large) || lp.columnUpper.contains(where: large)
            || lp.rowLower.contains(where: large) || lp.rowUpper.contains(where: large) else { return lp }
        func widened(_ v: Double) -> Double { large(v) ? (v > 0 ? .infinity : -.infinity) : v }
        var copy = lp
        (copy.columnLower, copy.columnUpper) = (lp.columnLower.map(widened), lp.columnUpper.map(widened))
        (copy.rowLower, copy.rowUpper) = (lp.rowLower.map(widened), lp.rowUpper.map(widened))
        return copy
    }

    /// One solve, without the diagnosis of a stall.
    static func solveOnce(_ lp: LinearProgram, options: SolverOptions, session: SolverSession?) -> LPSolution {
        let clock = ContinuousClock(), start = clock.now
        LinearAlgebra.useSingleThread()
        let inconsistency = lp.inconsistency()
        func finish(_ status: SolverStatus, _ message: String, x: [Double]? = nil, y: [Double]? = nil, iterations: Int = 0,
                    path: KKTPath = options.path, denseColumns: Int = 0, residuals: (Double, Double, Double) = (.nan, .nan, .nan)) -> LPSolution {
            let x = x ?? [Double](repeating: 0, count: lp.columnCount)
            let y = y ?? [Double](repeating: 0, count: lp.rowCount)
            var activity = [Double](repeating: 0, count: lp.rowCount), reduced = [Double](repeating: 0, count: lp.columnCount)
            if inconsistency == nil {
                lp.matrix.multiply(x, into: &activity)
                lp.matrix.multiplyTransposed(y, into: &reduced)
                for j in reduced.indices { reduced[j] = lp.objective[j] - reduced[j] }
            }
            return LPSolution(
                status: status, message: message, objective: status == .optimal ? lp.objectiveValue(x) : .nan, x: x,
                rowActivity: activity, rowDuals: y, reducedCosts: reduced, iterations: iterations,
                seconds: (clock.now - start).seconds,
                path: path, denseColumns: denseColumns, primalInfeasibility: residuals.0, dualInfeasibility: residuals.1, gap: residuals.2)
        }
        if let problem = inconsistency { return finish(.invalidProblem, problem) }
        func run(_ kept: inout SolverSession.Kept?) -> (LPSolution, reused: Bool) {
            let form: StandardForm
            switch StandardForm.build(lp, previous: kept?.scaled) {
            case let .infeasible(why): return (finish(.primalInfeasible, why), false)
            case let .unbounded(why): return (finish(.dualInfeasible, why), false)
            case let .form(built): form = built
            }
            if form.matrix.rowCount == 0 {
                var x = [Double](repeating: 0, count: form.c.count)
                for j in x.indices {
                    let bound = form.c[j] > 0 ? form.lower[j] : form.c[j] < 0 ? form.upper[j] : min(max(0, form.lower[j]), form.upper[j])
                    guard bound.isFinite else { return (finish(.dualInfeasible, "a column bounded on one side only improves the objective without bound"), false) }
                    x[j] = bound
                }
                let point = form.recover(x: x, y: [], originalRows: lp.rowCount)
                return (finish(.optimal, "every row was removed; each column is at its best bound", x: point.x, y: point.rowDuals), false)
            }
            let iterate: MehrotraIterations, reused: Bool
            if let previous = kept, form.reusedScaling, previous.stages == form.rowStages, previous.path == options.path,
               previous.denseLimit == options.denseLimit {
                (iterate, reused) = (previous.iterations, true)
                iterate.load(form, options: options)
            } else {
                kept = nil
                reused = false
                switch PathSelection.make(form.matrix, stages: form.rowStages, options: options) {
                case let .failure(error): return (finish(.invalidProblem, error.message), false)
                case let .success(equations): iterate = MehrotraIterations(form: form, equations: equations, options: options)
                }
            }
            let outcome = iterate.run()
            let solution = iterate.solution()
            let point = form.recover(x: solution.x, y: solution.y, originalRows: lp.rowCount)
            kept = SolverSession.Kept(scaled: form.scaled, stages: form.rowStages, path: options.path, denseLimit: options.denseLimit, iterations: iterate)
            return (finish(outcome.status, outcome.message, x: point.x, y: point.rowDuals, iterations: outcome.iterations,
                           path: iterate.equations.path, denseColumns: iterate.equations.denseColumnCount, residuals: outcome.residuals), reused)
        }
        guard let session else {
            var none: SolverSession.Kept?
            return run(&none).0
        }
        return session.with(run)
    }
}

extension Duration {
    /// The duration in seconds, as a double.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
