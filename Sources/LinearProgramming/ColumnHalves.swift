import Foundation

/// The two halves every pass of the iterations over the columns is split into, so that a
/// solve can use a second core when one is free (`SolverOptions.threads`).
///
/// The columns are in the normal equations' order, by their first row in the band, so
/// the first half scatters into the upper rows and the second into the lower ones; the
/// rows both may meet start at `spillStart`. The second half therefore scatters into two
/// spill vectors of its own, added to the shared row vectors (from `spillStart` on) once
/// both halves are done. The halves, their order and the way their sums are joined are
/// the same on one thread and on two, so a solve's result does not depend on the threads.
final class ColumnHalves {
    let first: Range<Int>, second: Range<Int>
    /// The first row (in the normal equations' order) the second half has an entry in.
    let spillStart: Int
    /// One past the last row the first half has an entry in: rows from here on are the
    /// first half's to leave alone, so the second half clears them.
    let firstReach: Int
    /// The second half's row vectors: rows from `spillStart` on are used.
    let spillA: UnsafeMutableBufferPointer<Double>, spillB: UnsafeMutableBufferPointer<Double>

    init(_ a: ColumnBuffers, in workspace: Workspace) {
        let n = a.columnCount, middle = n / 2
        first = 0..<middle
        second = middle..<n
        var (start, reach) = (a.rowCount, 0)
        for k in Int(a.starts[middle])..<Int(a.starts[n]) { start = min(start, Int(a.rows[k])) }
        for k in Int(a.starts[0])..<Int(a.starts[middle]) { reach = max(reach, Int(a.rows[k]) + 1) }
        (spillStart, firstReach) = (start, reach)
        spillA = workspace.vector(a.rowCount)
        spillB = workspace.vector(a.rowCount)
    }

    /// Before `half`'s part of a pass that scatters into `a` and `b` (the first half)
    /// and the spill vectors (the second): the rows of them that this half clears — the
    /// first half rows `..<firstReach` of `a` and `b`, the second the rest of them and
    /// rows `spillStart…` of the spill vectors — so that the two halves clear at once
    /// without touching a row the other writes.
    func clear(_ a: UnsafeMutableBufferPointer<Double>, _ b: UnsafeMutableBufferPointer<Double>, half: Int) {
        let rows = half == 0 ? 0..<firstReach : firstReach..<a.count
        for i in rows {
            a[i] = 0
            b[i] = 0
        }
        guard half == 1 else { return }
        for i in spillStart..<spillA.count {
            spillA[i] = 0
            spillB[i] = 0
        }
    }

    /// Rows `spillStart…` of the spill vectors added to `a` and `b`.
    func addSpill(into a: UnsafeMutableBufferPointer<Double>, _ b: UnsafeMutableBufferPointer<Double>) {
        for i in spillStart..<spillA.count {
            a[i] += spillA[i]
            b[i] += spillB[i]
        }
    }

    /// `work`'s half 0 and half 1 — the first and the second half (of the columns, or the
    /// two ends of the band in `NormalEquations`) — at once on two threads, or one after
    /// the other. The work keeps the two halves apart: each writes only its own part.
    static func run(concurrently: Bool, _ work: some HalvedWork) {
        guard concurrently else {
            work.runHalf(0)
            work.runHalf(1)
            return
        }
        SecondThread.run(work)
    }
}

/// Work in two halves that may run at once, set up by its owner before each
/// `ColumnHalves.run` (the pass to make and its arguments kept in the owner's own
/// properties). A class, so that handing it to the second thread passes a reference and
/// allocates nothing: a closure handed over put its context on the heap, nine times an
/// iteration of a two-thread solve.
protocol HalvedWork: AnyObject {
    /// Runs half 0 or half 1 of the work set up.
    func runHalf(_ half: Int)
}
