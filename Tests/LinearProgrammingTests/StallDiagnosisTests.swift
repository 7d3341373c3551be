import Testing
@testable import LinearProgramming

/// `StallDiagnosis`: what an LP whose iterations stalled is, from two auxiliary LPs.
@Suite struct StallDiagnosisTests {
    static let inf = Double.infinity

    /// x + y ≤ 1 and x + y ≥ 1.01 (x, y ≥ 0): no point; the least violation is 0.01 in
    /// one of the two rows, weighted 1/(1 + 1) or 1/(1 + 1.01).
    @Test func contradictingRowsArePrimalInfeasible() {
        let lp = SolverTests.lp([1, 1], rows: [[1, 1], [1, 1]], lower: [-Self.inf, 1.01], upper: [1, Self.inf])
        let least = InteriorPointSolver.solveOnce(StallDiagnosis.leastViolation(lp), options: SolverOptions(), session: nil)
        #expect(least.status == .optimal)
        #expect(abs(least.objective - 0.01 / 2.01) < 1e-8, "\(least.objective)")
        let diagnosis = StallDiagnosis.diagnose(lp, options: SolverOptions())
        #expect(diagnosis.status == .primalInfeasible, "\(diagnosis.message)")
        #expect(diagnosis.message.contains("violated by 0.01"), "\(diagnosis.message)")
        #expect(diagnosis.iterations > 0)
    }

    /// min −x − y with x − y ≤ 1 (x, y ≥ 0): feasible, and along d = (1, 1) — the best
    /// direction in the box |d| ≤ 1 with d_x − d_y ≤ 0 — the objective falls by 2.
    @Test func anImprovingDirectionIsDualInfeasible() {
        let lp = SolverTests.lp([-1, -1], rows: [[1, -1]], lower: [-Self.inf], upper: [1])
        let cone = InteriorPointSolver.solveOnce(StallDiagnosis.improvingDirection(lp), options: SolverOptions(), session: nil)
        #expect(cone.status == .optimal)
        #expect(abs(cone.objective + 2) < 1e-8, "\(cone.objective)")
        let diagnosis = StallDiagnosis.diagnose(lp, options: SolverOptions())
        #expect(diagnosis.status == .dualInfeasible, "\(diagnosis.message)")
        #expect(diagnosis.message.contains("falls by 2 "), "\(diagnosis.message)")
        let maximised = SolverTests.lp([1, 1], rows: [[1, -1]], lower: [-Self.inf], upper: [1], sense: .maximize)
        #expect(StallDiagnosis.diagnose(maximised, options: SolverOptions()).message.contains("rises by 2 "))
    }

    /// min x + y with x + y ≥ 1: a point meets the row and no direction improves, so the
    /// diagnosis finds nothing wrong with the LP and the status stays numerical trouble.
    @Test func aFeasibleBoundedLPStaysNumericalTrouble() {
        let lp = SolverTests.lp([1, 1], rows: [[1, 1]], lower: [1], upper: [Self.inf])
        let diagnosis = StallDiagnosis.diagnose(lp, options: SolverOptions())
        #expect(diagnosis.status == .numericalTrouble)
        #expect(diagnosis.message.contains("has an optimum the iterations did not reach"), "\(diagnosis.message)")
    }

    /// When the later starts stall too, all starts' iterations are counted and the
    /// message gives each later start's: a 3 × 3 LP with coefficients from 3·10⁻⁵ to 10⁶ and a
    /// bound of 10⁵ (optimum 10⁻⁶ at x = 0.01, which HiGHS finds) stalls at all three starts,
    /// one of the pathological small LPs of solver.md's *Known limits*.
    @Test func laterStartsThatStallTooAreCountedAndNamed() {
        let lp = SolverTests.lp([1e-4, 2e3, 5], rows: [[1e6, 1e-2, 1], [1, 3e-5, 0], [1e-3, 7, -1e4]],
                                lower: [1e4, 1e-3, -Self.inf], upper: [Self.inf, Self.inf, 1e2],
                                columnLower: [0, 0, 0], columnUpper: [Self.inf, Self.inf, 1e5])
        let first = InteriorPointSolver.solveOnce(lp, options: SolverOptions(), session: nil)
        let solution = InteriorPointSolver.solve(lp)
        #expect(first.status == .numericalTrouble)
        #expect(solution.status == .numericalTrouble, "\(solution.status): \(solution.message)")
        #expect(solution.message.contains("(and so did a second start, with primal regularisation 1e-10: "), "\(solution.message)")
        #expect(solution.message.contains("; and a third, with 1e-7: "), "\(solution.message)")
        #expect(solution.iterations > first.iterations, "\(solution.iterations) against \(first.iterations)")
    }

    /// Infeasible LPs whose objective also improves without end (their dual is infeasible
    /// too) are primal infeasible, not unbounded: x + y ≤ 100 and x + y ≥ 100.001 with x, y
    /// free and min x, where the iterates follow a ray of the objective; and rows x ≥ 2,
    /// x ≤ 1 beside an empty free column with a cost, which the presolve alone called
    /// unbounded.
    @Test func unboundedButInfeasibleIsPrimalInfeasible() {
        let ray = SolverTests.lp([1, 0], rows: [[1, 1], [1, 1]], lower: [-Self.inf, 100.001], upper: [100, Self.inf],
                                 columnLower: [-Self.inf, -Self.inf], columnUpper: [Self.inf, Self.inf])
        let solution = InteriorPointSolver.solve(ray)
        #expect(solution.status == .primalInfeasible, "\(solution.status): \(solution.message)")
        #expect(solution.message.contains("the dual is infeasible too"), "\(solution.message)")
        let empty = SolverTests.lp([0, -1], rows: [[1, 0], [1, 0]], lower: [2, -Self.inf], upper: [Self.inf, 1],
                                   columnLower: [0, -Self.inf], columnUpper: [Self.inf, Self.inf])
        #expect(InteriorPointSolver.solve(empty).status == .primalInfeasible)
        let unbounded = SolverTests.lp([-1, -1], rows: [[1, -1]], lower: [-Self.inf], upper: [1])
        #expect(InteriorPointSolver.solve(unbounded).status == .dualInfeasible)
    }

    /// A random LP (14 rows, 14 columns) whose rows r3 and r13 ask −3.94 x₄ + 9 x₈ − 7.4 x₁₃
    /// to be at most −20.993 and at least −20.983: infeasible by 0.01, as HiGHS 1.16 finds.
    /// The iterations stall without reaching a Farkas ray (numerical trouble before the
    /// diagnosis); the least-violation LP shows the contradiction.
    @Test func aStalledInfeasibleLPIsReportedInfeasible() throws {
        let lp = try MPSReader.parse("""
            NAME FUZZ
            ROWS
             N obj
             G r0
             G r1
             E r2
             L r3
             G r4
             G r5
             E r6
             E r7
             E r8
             E r9
             L r10
             L r11
             L r12
             G r13
            COLUMNS
                x0 obj -17.357334608257123 r4 -4.764
                x0 r8 1.0878519432490605 r10 9.0
                x1 obj 16.966784440949016 r1 7.8
                x1 r2 2.138416635601515 r9 5.6769216133510945
                x1 r10 -8.612
                x2 obj 13.9198526900508 r0 0.2
                x2 r5 0.23208635642209366 r9 -7.834791553475579
                x2 r11 -1.05 r12 7.468600359555988
                x3 obj -0.1836848934818971 r0 2.0479276256764214
                x3 r2 4.965840509229833
                x4 obj 49.311515910320445 r2 -2.955
                x4 r3 -3.943648769321564 r4 8.4
                x4 r5 -7.894131849441945 r8 3.4107412110992565
                x4 r13 -3.943648769321564
                x5 obj -1.0578094969423257 r6 2.46
                x5 r9 3.2 r10 -5.115793762740308
                x6 obj -13.568019828294133 r8 -9.9
                x6 r11 -2.5880124321706335
                x7 obj -14.271196413762022 r4 -7.765084240239361
                x7 r9 -3.9 r12 7.804682577317772
                x8 obj 33.97879999999999 r3 9.0
                x8 r8 7.394 r11 -9.229
                x8 r13 9.0
                x9 obj 26.497404813885545 r0 9.801548215285909
                x9 r1 0.88 r2 -6.04
                x9 r6 3.320785040653342 r7 -5.129849369834294
                x9 r8 6.278800940986342 r9 1.397552534075332
                x9 r11 9.83
                x10 obj 54.4061164428968 r0 0.42062575472330654
                x10 r1 7.367823923962621 r2 -9.449011076915866
                x10 r4 0.975091776445478 r11 -5.4
                x11 obj 39.044019999999996 r4 8.706
                x12 obj 22.500855218090233 r1 5.826427313969514
                x12 r5 -2.95847659986251 r7 1.935
                x12 r8 10.0
                x13 obj 44.993485981545575 r0 9.912841274994896
                x13 r3 -7.4 r7 3.258008632298418
                x13 r8 -4.417502531128313 r10 -5.0
                x13 r13 -7.4
            RHS
                rhs obj -540.2504774938667 r0 -85.64224482429175
                rhs r1 137.34515878459405 r2 -127.82105403296178
                rhs r3 -20.99289795575958 r4 -31.39637915027167
                rhs r5 -97.56197707470588 r6 -22.282694457327338
                rhs r7 -39.67141924457333 r8 21.3550379187326
                rhs r9 -82.55158359810926 r10 99.73189068066202
                rhs r11 32.250924125166826 r12 95.4371942835847
                rhs r13 -20.98289795575958
            RANGES
                rng r9 -8.779999999999987 r12 6.789999999999992
            BOUNDS
             FX bnd x1 3.96
             MI bnd x3
             UP bnd x3 6.51
             LO bnd x5 -15.83
             UP bnd x5 -12.41
             MI bnd x6
             UP bnd x6 14.24
             FX bnd x7 5.78
             MI bnd x8
             UP bnd x8 -2.59
             LO bnd x11 -15.01
             LO bnd x13 -15.71
            ENDATA
            """)
        let solution = InteriorPointSolver.solve(lp)
        #expect(solution.status == .primalInfeasible, "\(solution.status): \(solution.message)")
        #expect(solution.auxiliaryIterations > 0)
        #expect(solution.message.contains("the iterations had stalled"), "\(solution.message)")
        #expect(solution.message.contains("row r3 ") || solution.message.contains("row r13 "), "\(solution.message)")
    }

    /// min −r with r free and in no row — a ray the presolve finds — beside rows
    /// 0.048214 x = 0.167896 and 0.042811 x = 0.149081 (x free), which ask x to be
    /// 3.4823080 and 3.4823059 at once: the least weighted violation is 6.905·10⁻⁸
    /// (x = 0.167896 / 0.048214 leaves the second row 8.96·10⁻⁸ short, weighted
    /// 1/(1 + 2 · 0.149081)). That is more than five times the primal tolerance of 10⁻⁹, so there is
    /// no feasible point and the LP is primal infeasible, not unbounded; with a tolerance
    /// of 10⁻⁷ the contradiction is within what an optimal point may miss by, and the ray
    /// makes it unbounded.
    @Test func aRayBesideASmallContradictionIsInfeasible() {
        let lp = SolverTests.lp([0, -1], rows: [[0.048214, 0], [0.042811, 0]], lower: [0.167896, 0.149081], upper: [0.167896, 0.149081],
                                columnLower: [-Self.inf, -Self.inf], columnUpper: [Self.inf, Self.inf])
        let solution = InteriorPointSolver.solve(lp)
        #expect(solution.status == .primalInfeasible, "\(solution.status): \(solution.message)")
        #expect(solution.message.contains("is 6.9"), "\(solution.message)")
        #expect(solution.message.contains("violated by 8.96e-08"), "\(solution.message)")
        var loose = SolverOptions()
        loose.primalTolerance = 1e-7
        let tolerated = InteriorPointSolver.solve(lp, options: loose)
        #expect(tolerated.status == .dualInfeasible, "\(tolerated.status): \(tolerated.message)")
    }

    /// Random LP 449 (`Benchmarks/Scripts/random_lps.py`) cut down to one column,
    /// x ∈ [−3.939, −2.349], and rows 0.493703 x = −1.236857 and −0.287728 x = 0.720835,
    /// which ask x to be −2.50526531 and −2.50526539: x from the first row leaves the
    /// second 2.25·10⁻⁸ short, a least weighted violation of 9.22·10⁻⁹ (weight
    /// 1/(1 + 2 · 0.720835)). HiGHS 1.16 calls it infeasible at a feasibility tolerance of
    /// 10⁻⁹ (optimal, 2.336, at its default 10⁻⁷). Above five times the primal tolerance
    /// it is primal infeasible; against ten times, the limit until 2026-11-29, a feasible
    /// point existed and the stalled iterations ended in numerical trouble.
    @Test func aViolationAboveFiveTimesTheToleranceIsInfeasible() {
        let lp = SolverTests.lp([-0.9326], rows: [[0.493703], [-0.287728]], lower: [-1.236857, 0.720835], upper: [-1.236857, 0.720835],
                                columnLower: [-3.939], columnUpper: [-2.349])
        let solution = InteriorPointSolver.solve(lp)
        #expect(solution.status == .primalInfeasible, "\(solution.status): \(solution.message)")
        #expect(solution.message.contains("is 9.2"), "\(solution.message)")
        #expect(solution.message.contains("row R1 is violated by 2.25e-08"), "\(solution.message)")
    }

    /// Random LP 1122 cut down to 2 rows and 2 columns: min −0.6193 x + 0.873 y with
    /// −0.000121 y = −611.338942 (y free, so y = 5.05·10⁶), a row R19 with no entries asked
    /// to be 0.025393, and x ≥ −0.795 in no row — a ray the presolve finds, which the
    /// least-violation LP is to confirm. HiGHS 1.16 calls the LP infeasible; the least
    /// violation is 0.025393 / (1 + 2 · 0.025393) = 0.0241657 (HiGHS on the least-violation
    /// LP). That LP stalled at both starts, y moving |r_d|/ρ_free a step with its dual
    /// residual held at ρ_free |Δy|, and the LP stayed dual infeasible, its feasibility
    /// undecided; with y split into y⁺ − y⁻ it solves.
    @Test func aFreeColumnFarOutIsSplitInTheLeastViolationLP() throws {
        let lp = try MPSReader.parse("""
            NAME SPLIT
            ROWS
             N OBJ
             E R18
             E R19
            COLUMNS
             X27 OBJ -0.6193
             X35 OBJ 0.873
             X35 R18 -0.000121
            RHS
             RHS R18 -611.338942
             RHS R19 0.025393
            BOUNDS
             LO BND X27 -0.795
             FR BND X35
            ENDATA
            """)
        let split = InteriorPointSolver.solveOnce(StallDiagnosis.leastViolation(lp, splittingFreeColumns: true), options: SolverOptions(), session: nil)
        SolverTests.expectOptimal(split, 0.024165719756448982)
        let least = StallDiagnosis.leastViolation(of: lp, options: SolverOptions())
        #expect(least.solved)
        #expect(least.infeasible?.contains("is 0.0242; at its point row R19 is violated by 0.0254") == true, "\(least.infeasible ?? "feasible")")
        let solution = InteriorPointSolver.solve(lp)
        #expect(solution.status == .primalInfeasible, "\(solution.status): \(solution.message)")
    }

    /// A random LP cut down to 7 rows and 11 columns whose optimum, −22 968 597.38799 (HiGHS
    /// 1.16), has X14 = −3.1·10⁵: its iterates grew past the 10⁶ at which `Certificate`
    /// reads a ray, and the first start stopped after 5 iterations calling it unbounded.
    /// The auxiliary LPs find a feasible point and no improving direction, so it is solved
    /// again by iterations that do not stop on a ray, to HiGHS's optimum.
    @Test func anOptimumFarOutIsNotCalledUnbounded() throws {
        let lp = try MPSReader.parse("""
            NAME FAR
            ROWS
             N OBJ
             L R0
             E R1
             E R2
             E R4
             L R5
             E R9
             E R14
            COLUMNS
             X0 OBJ 0.625 R0 724.626488
             X0 R4 1.392416 R5 -7.504811
             X2 OBJ 8.3062 R4 0.024996
             X2 R9 -4.717009
             X3 OBJ 0.0022 R1 0.369382
             X3 R5 -0.976384 R14 265.534568
             X4 OBJ 17.6692 R1 236.163619
             X5 OBJ 0.1922 R0 -0.081072
             X5 R2 356.683054 R5 1.217074
             X5 R9 0.009106
             X6 OBJ -30.8546 R0 209.092208
             X6 R1 -1.045327
             X8 OBJ 0.2652 R4 2.18162
             X11 OBJ -0.7229 R2 0.255433
             X11 R14 662.316928
             X14 OBJ 73.789 R2 0.001512
             X14 R5 304.13583
             X16 OBJ 0.2569 R4 121.626556
             X16 R5 0.096991
             X20 OBJ 97.8958 R4 -13.575066
             X20 R9 -0.270493
            RHS
             RHS R0 1831.368703 R1 -581.227318
             RHS R2 2057.639045 R4 375.958944
             RHS R5 1189.452903 R9 -23.219704
             RHS R14 -2016.373207
            BOUNDS
             LO BND X0 -0.782
             UP BND X0 3.115
             LO BND X2 -4.446
             LO BND X3 -5.185
             MI BND X4
             UP BND X4 -0.745
             MI BND X5
             UP BND X5 7.089
             LO BND X6 -1.48
             LO BND X8 -1.689
             FR BND X11
             MI BND X14
             UP BND X14 5.855
             MI BND X16
             UP BND X16 0.688
             LO BND X20 0.338
             UP BND X20 5.113
            ENDATA
            """)
        let solution = InteriorPointSolver.solve(lp)
        SolverTests.expectOptimal(solution, -22_968_597.387994524)
        #expect(solution.message.contains("a second start"), "\(solution.message)")
        #expect(solution.auxiliaryIterations > 0)
        var reached = SolverOptions()
        reached.mayFindUnboundedRay = false
        #expect(InteriorPointSolver.solveOnce(lp, options: reached, session: nil).status == .optimal)
        #expect(InteriorPointSolver.solveOnce(lp, options: SolverOptions(), session: nil).status == .dualInfeasible)
        // `maxIterations` bounds the two starts together (each had the whole limit).
        for limit in [5, 8, 12] {
            var limited = SolverOptions()
            limited.maxIterations = limit
            let stopped = InteriorPointSolver.solve(lp, options: limited)
            #expect(stopped.iterations <= limit && stopped.status != .optimal, "\(limit): \(stopped.iterations) iterations, \(stopped.status)")
        }
    }
}
