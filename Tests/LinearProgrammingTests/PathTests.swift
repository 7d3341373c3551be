import Dispatch
import SyntheticDispatch
import Testing
@testable import LinearProgramming

/// One time-structured LP through every linear-algebra path: the answers must agree.
@Suite struct PathTests {
    /// A small storage dispatch over `hours`: per hour a balance g + p + d − c = load
    /// and a state of charge s_t = s_{t−1} + 0.9 c − d / 0.9 (s₋₁ = 4); optionally one
    /// linking row Σ g ≤ budget that couples all hours.
    static func storageLP(hours: Int, linking: Bool, stages: Bool = true) -> LinearProgram {
        var triplets: [(row: Int, column: Int, value: Double)] = []
        var c: [Double] = [], lo: [Double] = [], hi: [Double] = [], rl: [Double] = [], ru: [Double] = []
        var rowStage: [Int] = [], columnStage: [Int] = []
        for t in 0..<hours {
            let g = c.count, p = g + 1, ch = g + 2, d = g + 3, s = g + 4
            c += [1 + 0.3 * Double(t % 5), 5, 0.01, 0.01, 0]
            lo += [0, 0, 0, 0, 0]
            hi += [10, .infinity, 3, 3, 8]
            columnStage += Array(repeating: t, count: 5)
            let load = 6 + 4 * Double((t * 7) % 11) / 10
            let balance = rl.count
            triplets += [(balance, g, 1), (balance, p, 1), (balance, d, 1), (balance, ch, -1)]
            rl.append(load)
            ru.append(load)
            let soc = rl.count
            triplets += [(soc, s, 1), (soc, ch, -0.9), (soc, d, 1 / 0.9)]
            if t > 0 { triplets.append((soc, s - 5, -1)) }
            rl.append(t == 0 ? 4 : 0)
            ru.append(t == 0 ? 4 : 0)
            rowStage += [t, t]
        }
        if linking {
            let row = rl.count
            for t in 0..<hours { triplets.append((row, 5 * t, 1)) }
            rl.append(-.infinity)
            ru.append(7.0 * Double(hours))
            rowStage.append(LinearProgram.linking)
        }
        return LinearProgram(
            objective: c, matrix: SparseMatrix(rowCount: rl.count, columnCount: c.count, triplets: triplets),
            rowLower: rl, rowUpper: ru, columnLower: lo, columnUpper: hi,
            rowStages: stages ? rowStage : nil, columnStages: stages ? columnStage : nil)
    }

    static func solve(_ lp: LinearProgram, _ path: KKTPath) -> LPSolution {
        var options = SolverOptions()
        options.path = path
        return InteriorPointSolver.solve(lp, options: options)
    }

    @Test func bandedBorderedAndDenseAgree() {
        let lp = Self.storageLP(hours: 96, linking: true)
        let banded = Self.solve(lp, .banded), bordered = Self.solve(lp, .bordered), dense = Self.solve(lp, .dense)
        let automatic = Self.solve(lp, .automatic)
        for s in [banded, bordered, dense, automatic] { #expect(s.status == .optimal, "\(s.path): \(s.message)") }
        #expect(banded.path == .banded && bordered.path == .bordered && dense.path == .dense && automatic.path == .bordered)
        #expect(abs(banded.objective - dense.objective) <= 1e-8 * abs(dense.objective))
        #expect(abs(bordered.objective - dense.objective) <= 1e-8 * abs(dense.objective))
        // The budget binds: 7 GWh an hour on average.
        let generation = stride(from: 0, to: lp.columnCount, by: 5).map { dense.x[$0] }.reduce(0, +)
        #expect(abs(generation - 7 * 96) < 1e-6 * 7 * 96)
        #expect(dense.rowDuals.last! < 0)
    }

    /// Gondzio's correctors change the path to the optimum, not the optimum: with up to
    /// three an iteration, the storage LP (with its linking row, so through the border)
    /// ends at the same objective, and in fewer iterations.
    @Test func gondzioCorrectorsKeepTheOptimum() {
        let lp = Self.storageLP(hours: 96, linking: true)
        var options = SolverOptions()
        let plain = InteriorPointSolver.solve(lp, options: options)
        options.correctors = 3
        let corrected = InteriorPointSolver.solve(lp, options: options)
        #expect(plain.status == .optimal && corrected.status == .optimal, "\(corrected.message)")
        #expect(abs(corrected.objective - plain.objective) <= 1e-8 * abs(plain.objective))
        #expect(corrected.iterations < plain.iterations)
    }

    /// Two threads split each pass over the columns into the same two halves one thread
    /// runs one after the other, so the iterates are the same to the last bit: on the
    /// synthetic dispatch LP (banded) and on the storage LP with its linking row (bordered).
    @Test func twoThreadsGiveTheSameIterates() {
        for lp in [SyntheticDispatch.problem(hours: 168, annualLinkingRow: false), Self.storageLP(hours: 96, linking: true)] {
            var options = SolverOptions()
            let one = InteriorPointSolver.solve(lp, options: options)
            options.threads = 2
            let two = InteriorPointSolver.solve(lp, options: options)
            #expect(one.status == .optimal && two.status == .optimal, "\(two.message)")
            #expect(one.iterations == two.iterations)
            #expect(one.objective == two.objective)
            #expect(one.x == two.x && one.rowDuals == two.rowDuals)
        }
    }

    /// A spare core released before the solve, or by another thread while it runs (from
    /// the next iteration on), gives two threads the same halves: the same iterates.
    @Test func aSpareCoreReleasedDuringTheSolveGivesTheSameIterates() {
        let lp = SyntheticDispatch.problem(hours: 1752, annualLinkingRow: false)
        let one = InteriorPointSolver.solve(lp, options: SolverOptions())
        for delay in [nil, 0.005, 0.02] as [Double?] {
            var options = SolverOptions()
            let spare = SpareCore()
            options.spareCore = spare
            if let delay {
                DispatchQueue.global().asyncAfter(deadline: .now() + delay) { spare.release() }
            } else {
                spare.release()
            }
            let two = InteriorPointSolver.solve(lp, options: options)
            #expect(two.status == .optimal, "\(two.message)")
            #expect(one.iterations == two.iterations && one.objective == two.objective)
            #expect(one.x == two.x && one.rowDuals == two.rowDuals)
        }
    }

    @Test func withoutStagesTheGenericPathFindsTheBand() {
        let staged = Self.solve(Self.storageLP(hours: 200, linking: false), .automatic)
        let plain = Self.solve(Self.storageLP(hours: 200, linking: false, stages: false), .automatic)
        #expect(staged.path == .banded && plain.path == .banded)
        #expect(staged.status == .optimal && plain.status == .optimal)
        #expect(abs(staged.objective - plain.objective) <= 1e-8 * abs(plain.objective))
    }

    /// Read from MPS, an LP has no stages: its long linking row is found and bordered.
    @Test func withoutStagesALongRowGoesToTheBorder() {
        let staged = Self.solve(Self.storageLP(hours: 400, linking: true), .automatic)
        let plain = Self.solve(Self.storageLP(hours: 400, linking: true, stages: false), .automatic)
        #expect(plain.path == .bordered && plain.status == .optimal, "\(plain.message)")
        #expect(abs(staged.objective - plain.objective) <= 1e-8 * abs(plain.objective))
    }

    @Test func orderingsGiveNarrowBands() {
        let lp = Self.storageLP(hours: 50, linking: false, stages: false)
        let order = RowOrdering.reverseCuthillMcKee(lp.matrix)
        #expect(Set(order) == Set(0..<lp.rowCount))
        #expect(PathSelection.bandwidth(lp.matrix, order: order) <= 4)
        let linked = Self.storageLP(hours: 50, linking: true)
        let staged = RowOrdering.byStage(linked.rowStages!, linked.matrix)
        #expect(staged.linking == [100] && Set(staged.band) == Set(0..<100))
        #expect(staged.band.enumerated().allSatisfy { linked.rowStages![$0.element] == $0.offset / 2 })
        #expect(PathSelection.bandwidth(linked.matrix, order: staged.band) == 2)
    }

    /// Two rows an hour, a_t ∋ x_t, y_t and b_t ∋ y_t, x_{t−1}: in the order a, b the band
    /// reaches from a_t to b_{t+1}, three rows on; b, a (b meets the hour before) keeps it
    /// to one.
    @Test func withinAnHourRowsThatMeetTheHourBeforeComeFirst() {
        let hours = 10
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for t in 0..<hours {
            triplets += [(2 * t, 2 * t, 1), (2 * t, 2 * t + 1, 1), (2 * t + 1, 2 * t + 1, 1)]
            if t > 0 { triplets.append((2 * t + 1, 2 * t - 2, -1)) }
        }
        let a = SparseMatrix(rowCount: 2 * hours, columnCount: 2 * hours, triplets: triplets)
        let stages = (0..<(2 * hours)).map { $0 / 2 }
        #expect(PathSelection.bandwidth(a, order: Array(0..<(2 * hours))) == 3)
        let order = RowOrdering.byStage(stages, a).band
        #expect(Array(order.prefix(4)) == [1, 0, 3, 2])
        #expect(PathSelection.bandwidth(a, order: order) == 1)
    }

    /// The synthetic dispatch LP (6 rows an hour) read without its stages: plain reverse
    /// Cuthill–McKee leaves a band 10 sub-diagonals wide; sorting each level set as
    /// `byStage` sorts a stage narrows it to 9, and the rows' own stages give 6.
    @Test func levelSetsSortedNarrowTheBand() {
        let lp = SyntheticDispatch.problem(hours: 168, annualLinkingRow: false)
        let rcm = RowOrdering.reverseCuthillMcKee(lp.matrix)
        #expect(Set(rcm) == Set(0..<lp.rowCount))
        #expect(PathSelection.bandwidth(lp.matrix, order: rcm) == 9)
        let staged = RowOrdering.byStage(lp.rowStages!, lp.matrix).band
        #expect(PathSelection.bandwidth(lp.matrix, order: staged) == 6)
    }

    @Test func denseLimitIsAClearError() {
        var options = SolverOptions()
        options.path = .dense
        options.denseLimit = 10
        let s = InteriorPointSolver.solve(Self.storageLP(hours: 24, linking: false), options: options)
        #expect(s.status == .invalidProblem)
        #expect(s.message.contains("the dense path is limited to 10 rows; this LP has 48"))
    }

    /// `--path banded` puts the annual linking row at the band's end, so the 1 752-hour
    /// synthetic LP's band spans its 10 513 rows, 884 MB: refused, with a pointer to the
    /// automatic path (which borders the row and solves it). The automatic path never
    /// gets the pointer: it is the path that would have to fit.
    @Test func forcedBandTooWideSaysWhatFits() {
        let lp = SyntheticDispatch.problem(hours: 1752, annualLinkingRow: true)
        var options = SolverOptions()
        options.path = .banded
        let forced = InteriorPointSolver.solve(lp, options: options)
        #expect(forced.status == .invalidProblem)
        #expect(forced.message == "the banded path would need a band 10512 wide over 10513 rows and a border of 0 rows: more than 200 MB (--path automatic chooses a path that fits)", "\(forced.message)")
        #expect(InteriorPointSolver.solve(lp).status == .optimal)
    }

    /// Pairs of rows sharing a column are counted before anything stores them: a column in
    /// 100 000 equality rows asked for 80 GB and ended in a failed allocation.
    @Test func rowPairsBeyondTheLimitAreRefused() {
        func column(_ rows: Int) -> SparseMatrix {
            SparseMatrix(rowCount: rows, columnCount: 1, columnStarts: [0, rows], rowIndices: Array(0..<rows), values: [Double](repeating: 1, count: rows))
        }
        #expect(PathSelection.pairProblem(column(9_999), path: .dense) == nil, "49 995 000 pairs")
        #expect(PathSelection.pairProblem(column(10_000), path: .dense)?.message.hasPrefix("the dense path would pair more than 50000000 rows") == true, "50 005 000 pairs")
        let full = LinearProgram(objective: [1], matrix: column(100_000), rowLower: [Double](repeating: 1, count: 100_000), rowUpper: [Double](repeating: 1, count: 100_000),
                                 columnLower: [0], columnUpper: [.infinity])
        let s = InteriorPointSolver.solve(full)
        #expect(s.status == .invalidProblem && s.message.contains("would pair more than 50000000 rows"), "\(s.status): \(s.message)")
    }
}
