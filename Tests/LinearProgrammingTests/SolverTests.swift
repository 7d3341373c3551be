import Testing
@testable import LinearProgramming

/// Hand-solvable LPs: every status, and the optimum where there is one.
@Suite struct SolverTests {
    static let inf = Double.infinity

    /// A small LP from dense rows.
    static func lp(_ c: [Double], rows: [[Double]], lower: [Double], upper: [Double], columnLower: [Double]? = nil,
                   columnUpper: [Double]? = nil, sense: LinearProgram.Sense = .minimize, constant: Double = 0) -> LinearProgram {
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for (i, row) in rows.enumerated() { for (j, v) in row.enumerated() where v != 0 { triplets.append((i, j, v)) } }
        return LinearProgram(
            sense: sense, objective: c, objectiveConstant: constant,
            matrix: SparseMatrix(rowCount: rows.count, columnCount: c.count, triplets: triplets),
            rowLower: lower, rowUpper: upper, columnLower: columnLower ?? c.map { _ in 0 }, columnUpper: columnUpper ?? c.map { _ in inf })
    }

    static func expectOptimal(_ solution: LPSolution, _ objective: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(solution.status == .optimal, "\(solution.message)", sourceLocation: sourceLocation)
        #expect(abs(solution.objective - objective) <= 1e-8 * (1 + abs(objective)), "\(solution.objective) vs \(objective)", sourceLocation: sourceLocation)
    }

    /// min −x − y, x + 2y ≤ 4, 3x + y ≤ 6: the vertex (8/5, 6/5), objective −14/5, row duals −2/5 and −1/5.
    @Test func twoVariablesByHand() {
        let s = InteriorPointSolver.solve(Self.lp([-1, -1], rows: [[1, 2], [3, 1]], lower: [-Self.inf, -Self.inf], upper: [4, 6]))
        Self.expectOptimal(s, -2.8)
        #expect(abs(s.x[0] - 1.6) < 1e-7 && abs(s.x[1] - 1.2) < 1e-7)
        #expect(abs(s.rowDuals[0] + 0.4) < 1e-7 && abs(s.rowDuals[1] + 0.2) < 1e-7)
        #expect(abs(s.rowActivity[0] - 4) < 1e-7)
    }

    /// max 3x + 2y + 10, x + y ≤ 4, x + 3y ≤ 6, x ≤ 3: (3, 1), objective 21.
    @Test func maximisationWithABoundAndAConstant() {
        let s = InteriorPointSolver.solve(Self.lp([3, 2], rows: [[1, 1], [1, 3]], lower: [-Self.inf, -Self.inf], upper: [4, 6],
                                                  columnUpper: [3, Self.inf], sense: .maximize, constant: 10))
        Self.expectOptimal(s, 21)
    }

    /// Bounds of 10²⁰ or more are infinite, as MPS writers mean `1e30`: min −x with
    /// x ≤ 1e30 and a row x ≤ 1e30 is unbounded (it was "optimal" at −10³⁰), and a row
    /// −1e30 ≤ x + y ≤ 4 is an upper bound only.
    @Test func hugeBoundsAreInfinite() {
        let unbounded = InteriorPointSolver.solve(Self.lp([-1], rows: [[1]], lower: [-Self.inf], upper: [1e30], columnUpper: [1e30]))
        #expect(unbounded.status == .dualInfeasible, "\(unbounded.status): \(unbounded.message)")
        let bounded = InteriorPointSolver.solve(Self.lp([-1, -2], rows: [[1, 1]], lower: [-1e30], upper: [4]))
        Self.expectOptimal(bounded, -8)
    }

    /// Large but finite numbers that the optimum never meets: a bound of 10¹⁰ to 10¹⁶
    /// on min −x + y, x + y ≤ 10 (optimum −10), and a cost of 10¹⁰ to 10¹⁵ on min c·x − y,
    /// x + y ≤ 5 (−5). Iterates that start near such numbers round at 10⁻⁶ and more, so
    /// a bound residual drifts from the r_b the directions see; before the slacks were
    /// put back in step, these stalled with the gap at 10⁻⁸ to 10⁻⁶.
    @Test func largeFiniteBoundsAndCostsTheOptimumNeverMeets() {
        for bound in [1e10, 1e12, 1e14, 1e16] {
            let s = InteriorPointSolver.solve(Self.lp([-1, 1], rows: [[1, 1]], lower: [-Self.inf], upper: [10], columnUpper: [bound, Self.inf]))
            Self.expectOptimal(s, -10)
        }
        for cost in [1e10, 1e12, 1e15] {
            Self.expectOptimal(InteriorPointSolver.solve(Self.lp([cost, -1], rows: [[1, 1]], lower: [-Self.inf], upper: [5])), -5)
        }
    }

    /// min 2x₀ − 10⁹x₁, 9x₁ = 21, x₀ + x₁ ≤ 145, x₀ ≤ 10¹⁴, x₁ ≤ 3.7·10¹⁷: x₁ = 7/3, x₀ = 0,
    /// objective −7·10⁹/3. A start in the middle of boxes this wide ended in numerical trouble.
    @Test func boxesFarWiderThanTheSolution() {
        let s = InteriorPointSolver.solve(Self.lp([2, -1e9], rows: [[0, 9], [1, 1]], lower: [21, -Self.inf], upper: [21, 145],
                                                  columnUpper: [1e14, 3.7e17]))
        Self.expectOptimal(s, -7e9 / 3)
    }

    @Test func primalInfeasible() {
        let s = InteriorPointSolver.solve(Self.lp([1, 1], rows: [[1, 1], [1, 1]], lower: [-Self.inf, 2], upper: [1, Self.inf]))
        #expect(s.status == .primalInfeasible, "\(s.status): \(s.message)")
        #expect(s.iterations < 100)
    }

    /// max 3x₀ + 5.06x₁ + 0.39x₂ − 8.04x₃ with x₁ ≥ −10.42 only in the row
    /// −5.67x₁ + 0.22x₂ ≤ 60.6: x₁ grows without bound through that row. The dual iterates
    /// diverge as well, so the test against them never fires (30 iterations without
    /// progress, numerical trouble, before); the direction x/‖x‖ is the certificate.
    @Test func unboundedThroughAnInequalityRow() {
        let s = InteriorPointSolver.solve(Self.lp([3, 5.06, 0.39, -8.04], rows: [[0, 0, 0, 3.22], [0, -5.67, 0.22, 0], [0, 0, 9.34, 0], [6.84, 0, 0, 0]],
                                                  lower: [27.7, -Self.inf, -Self.inf, 0], upper: [Self.inf, 60.6, 36.3, 0],
                                                  columnLower: [0, -10.42, 0, -Self.inf], columnUpper: [13.9, Self.inf, Self.inf, 16.12], sense: .maximize))
        #expect(s.status == .dualInfeasible, "\(s.status): \(s.message)")
        #expect(s.iterations < 20)
    }

    /// x₁ free in two equality rows: with Θ = 1/ρ = 10¹⁰ for it the Newton step lost ten
    /// digits and the primal residual stalled at 7·10⁻⁶ (numerical trouble); with the
    /// free columns' own ρ it solves. Optimum from HiGHS 1.16: −1505.9787894129006.
    @Test func freeColumnInEqualityRows() throws {
        let lp = try MPSReader.parse("""
            NAME FREE
            ROWS
             N obj
             E r0
             L r1
             E r2
             G r3
            COLUMNS
                x0 obj -19.929999999999996
                x0 r3 -1.5
                x1 obj -23.997118748027237
                x1 r0 -6.407615829962995
                x1 r2 -9.4
                x2 obj 16.964456712425214
                x2 r1 -9.379027681504237
                x2 r2 0.4
            RHS
                rhs obj 1359.8200170533787
                rhs r0 -61.993868882396725
                rhs r1 -110.38218396942638
                rhs r2 -86.2363756469252
                rhs r3 -8.557123186644567
            RANGES
                rng r3 7.980000000000004
            BOUNDS
             FR bnd x1
             MI bnd x2
             UP bnd x2 17.08
            ENDATA
            """)
        Self.expectOptimal(InteriorPointSolver.solve(lp), -1505.9787894129006)
    }

    /// An LP with coefficients from 0.0004 to 594 that misses feasibility by 2·10⁻⁸: the
    /// least weighted row violation is 2.06·10⁻⁸, row R3 (0.000439 X11 + … = 0.001987) left
    /// 2.07·10⁻⁸ short. HiGHS 1.16 calls it optimal (−66 580.31) at its default feasibility
    /// tolerance of 10⁻⁷ and infeasible at 10⁻⁸ and 10⁻⁹. With the primal tolerance of
    /// 10⁻⁹ it is primal infeasible, the least-violation LP naming R3; with 10⁻⁷ the
    /// violation is within five times the tolerance, the diagnosis finds a feasible point,
    /// and the iterations, which stall, end in numerical trouble — never infeasible.
    @Test func aBadlyScaledLPMissingFeasibilityBy2e8IsInfeasible() throws {
        let lp = try MPSReader.parse("""
            NAME R
            ROWS
             N OBJ
             E R0
             E R1
             E R2
             E R3
             E R4
             E R5
             E R6
             L R7
            COLUMNS
             X0 OBJ 71.5524
             X0 R2 -0.006505
             X1 OBJ 0.1641
             X1 R7 -0.003532
             X2 OBJ -0.1478
             X2 R5 0.011851
             X3 OBJ -0.4619
             X3 R5 9.163983
             X4 OBJ -0.6155
             X4 R4 -0.001794
             X5 OBJ -0.5125
             X5 R1 -1.988465
             X5 R2 -20.484525
             X6 OBJ -90.5398
             X6 R7 68.367895
             X7 OBJ -0.5228
             X7 R4 0.0046
             X8 OBJ -0.3633
             X8 R2 0.006136
             X8 R7 -189.030187
             X9 OBJ -0.6398
             X9 R5 -0.001093
             X10 OBJ 0.1662
             X10 R6 0.008187
             X10 R7 0.207545
             X11 OBJ -0.1309
             X11 R0 -12.41768
             X11 R1 -594.387801
             X11 R3 0.000439
            RHS
             RHS R0 -56.205437
             RHS R1 -2695.693066
             RHS R2 -55.08204
             RHS R3 0.001987
             RHS R4 348.026837
             RHS R5 5.339513
             RHS R6 -0.010124
             RHS R7 -491.275796
            RANGES
             RNG R5 1.205
            BOUNDS
             LO BND X0 -2.602
             UP BND X0 1.018
             FR BND X1
             MI BND X2
             UP BND X2 -0.333
             LO BND X3 -1.166
             UP BND X3 2.531
             MI BND X4
             UP BND X4 2.211
             LO BND X5 1.013
             UP BND X5 3.379
             LO BND X6 0.455
             UP BND X6 1.211
             LO BND X7 1.583
             LO BND X8 2.311
             UP BND X8 4.647
             LO BND X9 -0.775
             MI BND X10
             UP BND X10 1.122
             MI BND X11
             UP BND X11 6.417
            ENDATA
            """)
        let s = InteriorPointSolver.solve(lp)
        #expect(s.status == .primalInfeasible, "\(s.status): \(s.message)")
        #expect(s.message.contains("is 2.06e-08; at its point row R3 is violated by 2.07e-08"), "\(s.message)")
        var loose = SolverOptions()
        (loose.primalTolerance, loose.dualTolerance, loose.gapTolerance) = (1e-7, 1e-7, 1e-7)
        let tolerated = InteriorPointSolver.solve(lp, options: loose)
        #expect(tolerated.status == .optimal || tolerated.status == .numericalTrouble, "\(tolerated.status): \(tolerated.message)")
        if tolerated.status == .optimal { #expect(abs(tolerated.objective + 66580.3147656166) <= 1e-6 * 66580.3) }
    }

    @Test func dualInfeasible() {
        let s = InteriorPointSolver.solve(Self.lp([-1, 0], rows: [[1, -1]], lower: [-Self.inf], upper: [1]))
        #expect(s.status == .dualInfeasible, "\(s.status): \(s.message)")
        #expect(s.iterations < 100)
    }

    /// min x₁ + 2x₂, x₁ free, x₁ + x₂ ≥ 1, x₁ − x₂ ≤ 5: x₁ = 1, x₂ = 0, objective 1.
    @Test func freeColumn() {
        let s = InteriorPointSolver.solve(Self.lp([1, 2], rows: [[1, 1], [1, -1]], lower: [1, -Self.inf], upper: [Self.inf, 5],
                                                  columnLower: [-Self.inf, 0]))
        Self.expectOptimal(s, 1)
    }

    /// min −x, 1 ≤ x + y ≤ 3, y ≥ 0.5: x = 2.5.
    @Test func rangeRow() {
        let s = InteriorPointSolver.solve(Self.lp([-1, 0], rows: [[1, 1]], lower: [1], upper: [3], columnLower: [0, 0.5]))
        Self.expectOptimal(s, -2.5)
    }

    /// x fixed at 2; min x + y, x + y ≥ 5: y = 3, objective 5.
    @Test func fixedColumn() {
        let s = InteriorPointSolver.solve(Self.lp([1, 1], rows: [[1, 1]], lower: [5], upper: [Self.inf], columnLower: [2, 0], columnUpper: [2, Self.inf]))
        Self.expectOptimal(s, 5)
        #expect(s.x[0] == 2)
    }

    @Test func emptyRowWithinAndOutsideItsBounds() {
        let ok = InteriorPointSolver.solve(Self.lp([1], rows: [[1], [0]], lower: [1, -1], upper: [Self.inf, 1]))
        Self.expectOptimal(ok, 1)
        let bad = InteriorPointSolver.solve(Self.lp([1], rows: [[1], [0]], lower: [1, 1], upper: [Self.inf, 2]))
        #expect(bad.status == .primalInfeasible)
    }

    /// min −x − 2y + z − w with x, y ∈ [0, 1], z ≥ 0, w ∈ [0, 2]; rows x + y ≤ 3 and
    /// −2 ≤ x − y ≤ 2 (both redundant: the bounds keep x + y ≤ 2 and |x − y| ≤ 1),
    /// x + y + z = 1.5, and w ≤ 5 (redundant, leaving w in no row, so at its upper bound).
    /// Optimum y = 1, x = 0.5, z = 0, w = 2, objective −4.5; the equality row's dual is −1
    /// (x lies inside its bounds), the redundant rows' duals 0.
    @Test func redundantRowsAreDropped() {
        let s = InteriorPointSolver.solve(Self.lp([-1, -2, 1, -1], rows: [[1, 1, 0, 0], [1, -1, 0, 0], [1, 1, 1, 0], [0, 0, 0, 1]],
                                                  lower: [-Self.inf, -2, 1.5, -Self.inf], upper: [3, 2, 1.5, 5],
                                                  columnUpper: [1, 1, Self.inf, 2]))
        Self.expectOptimal(s, -4.5)
        #expect(abs(s.x[0] - 0.5) < 1e-7 && abs(s.x[1] - 1) < 1e-7 && abs(s.x[2]) < 1e-7 && s.x[3] == 2)
        #expect(s.rowDuals[0] == 0 && s.rowDuals[1] == 0 && s.rowDuals[3] == 0)
        #expect(abs(s.rowDuals[2] + 1) < 1e-7)
        #expect(abs(s.rowActivity[1] + 0.5) < 1e-7 && s.rowActivity[3] == 2)
    }

    /// −6.2 x₀ ≥ −49.079 and −6.2 x₀ ≤ −49.089 contradict each other by 0.01, beside a row
    /// 3 x₁ = 3·10⁸: measured against the largest right-hand side the contradiction is
    /// 3·10⁻¹¹, inside the tolerance, and the solver called the LP optimal. Against its
    /// own row it is 10⁻⁴: not optimal (no certificate is found, so numerical trouble).
    @Test func contradictionBesideALargeRowIsNotOptimal() {
        let s = InteriorPointSolver.solve(Self.lp([34.05, -23.52], rows: [[0, 3], [-6.2, 0], [-6.2, 0]],
                                                  lower: [3e8, -49.07895639947914, -Self.inf], upper: [3e8, Self.inf, -49.08895639947913],
                                                  columnLower: [0, -1e8], columnUpper: [Self.inf, 1e8]))
        #expect(s.status != .optimal, "\(s.status): \(s.message)")
        #expect([.primalInfeasible, .numericalTrouble].contains(s.status), "\(s.status): \(s.message)")
    }

    /// min x, 1 ≤ x ≤ 5 as a row, 2 ≤ x ≤ 3 as bounds: the row is redundant and x is in no
    /// other, so both go, and x = 2 — not "infeasible" because the emptied row's bounds
    /// exclude 0 (x's value, 2, is what the row sees).
    @Test func columnLeftOnlyInARedundantRow() {
        let s = InteriorPointSolver.solve(Self.lp([1], rows: [[1]], lower: [1], upper: [5], columnLower: [2], columnUpper: [3]))
        Self.expectOptimal(s, 2)
        #expect(s.x[0] == 2 && s.rowActivity[0] == 2 && s.rowDuals[0] == 0)
    }

    /// min −x₁ − x₂, x₁ ≤ 1, x₂ ≤ 1, x₁ + x₂ ≤ 2: three rows active at (1, 1), a degenerate vertex.
    @Test func degenerateVertex() {
        let s = InteriorPointSolver.solve(Self.lp([-1, -1], rows: [[1, 0], [0, 1], [1, 1]], lower: [-Self.inf, -Self.inf, -Self.inf], upper: [1, 1, 2]))
        Self.expectOptimal(s, -2)
    }

    /// Equality rows, one of them twice another (rank-deficient A): x₁ = x₃ = t,
    /// x₂ = 6 − 2t ≥ 0, objective t + 3(6 − 2t) + 2t = 18 − 3t, least at t = 3: 9.
    @Test func dependentEqualityRows() {
        let s = InteriorPointSolver.solve(Self.lp([1, 3, 2], rows: [[1, 1, 1], [2, 2, 2], [1, 0, -1]], lower: [6, 12, 0], upper: [6, 12, 0]))
        Self.expectOptimal(s, 9)
        #expect(abs(s.x[0] - 3) < 1e-6 && abs(s.x[1]) < 1e-6 && abs(s.x[2] - 3) < 1e-6)
    }

    @Test func inconsistentDataIsReported() {
        var lp = Self.lp([1], rows: [[1]], lower: [2], upper: [1])
        let s = InteriorPointSolver.solve(lp)
        #expect(s.status == .invalidProblem)
        lp.objective = [1, 2]
        #expect(InteriorPointSolver.solve(lp).status == .invalidProblem)
    }
}
