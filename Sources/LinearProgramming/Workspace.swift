/// Fixed-size buffers for the solver's hot loops: allocated once per solve, freed with
/// their owner, never copied on write and never bounds-checked in release builds.
final class Workspace {
    private var blocks: [UnsafeMutableRawPointer] = []

    /// A buffer of `count` doubles, all `value`.
    func vector(_ count: Int, _ value: Double = 0) -> UnsafeMutableBufferPointer<Double> {
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(count, 1))
        buffer.initialize(repeating: value)
        blocks.append(UnsafeMutableRawPointer(buffer.baseAddress!))
        return UnsafeMutableBufferPointer(start: buffer.baseAddress, count: count)
    }

    /// A copy of `values` in a buffer.
    func copy<C: Collection>(_ values: C) -> UnsafeMutableBufferPointer<C.Element> {
        let buffer = UnsafeMutableBufferPointer<C.Element>.allocate(capacity: max(values.count, 1))
        _ = buffer.initialize(from: values)
        blocks.append(UnsafeMutableRawPointer(buffer.baseAddress!))
        return UnsafeMutableBufferPointer(start: buffer.baseAddress, count: values.count)
    }

    /// A buffer of `count` (lower, upper) pairs, all `value`.
    func pairs(_ count: Int, _ value: Pair = Pair()) -> UnsafeMutableBufferPointer<Pair> {
        copy(repeatElement(value, count: count))
    }

    /// A buffer of `count` 32-bit integers, all 0.
    func indexVector(_ count: Int) -> UnsafeMutableBufferPointer<Int32> {
        copy(repeatElement(Int32(0), count: count))
    }

    deinit {
        for block in blocks { block.deallocate() }
    }
}

/// A sparse matrix's compressed columns in workspace buffers, with the two products
/// the iterations need.
struct ColumnBuffers {
    let rowCount: Int, columnCount: Int
    /// 32-bit indices: half the memory traffic of `Int`, and a one-year LP has well under 2³¹ entries.
    let starts: UnsafeMutableBufferPointer<Int32>
    let rows: UnsafeMutableBufferPointer<Int32>
    let values: UnsafeMutableBufferPointer<Double>

    /// A with its columns in the order `columns` (column q is A's column `columns[q]`)
    /// and its rows renumbered so that row `rows[p]` is row p. A is read in its own order
    /// and each column written to its place (read in the new order, every column would be
    /// a cache miss).
    init(_ a: SparseMatrix, columns: [Int], rows order: [Int], in workspace: Workspace) {
        precondition(columns.count == a.columnCount && order.count == a.rowCount, "not a permutation of A")
        rowCount = a.rowCount
        columnCount = a.columnCount
        var position = [Int](repeating: 0, count: a.rowCount)
        for (p, i) in order.enumerated() { position[i] = p }
        var place = [Int](repeating: 0, count: a.columnCount)
        for (q, j) in columns.enumerated() { place[j] = q }
        starts = workspace.indexVector(columns.count + 1)
        for j in 0..<a.columnCount { starts[place[j] + 1] = Int32(a.columnStarts[j + 1] - a.columnStarts[j]) }
        for q in 0..<columns.count { starts[q + 1] += starts[q] }
        rows = workspace.indexVector(a.values.count)
        values = workspace.vector(a.values.count)
        for j in 0..<a.columnCount {
            var target = Int(starts[place[j]])
            for k in a.columnStarts[j]..<a.columnStarts[j + 1] {
                rows[target] = Int32(position[a.rowIndices[k]])
                values[target] = a.values[k]
                target += 1
            }
        }
    }

    /// (Aᵀy)ⱼ, column j's dot product with y. The first two terms are taken before the
    /// loop: a dispatch LP's columns have one to three entries, and the loop the compiler
    /// unrolls costs a set-up of a dozen instructions that such a column then mostly skips.
    @inline(__always)
    func dot(column j: Int, _ y: UnsafeMutableBufferPointer<Double>) -> Double {
        var k = Int(starts[j])
        let end = Int(starts[j &+ 1])
        guard k < end else { return 0 }
        var sum = values[k] * y[Int(rows[k])]
        k &+= 1
        guard k < end else { return sum }
        sum += values[k] * y[Int(rows[k])]
        k &+= 1
        while k < end {
            sum += values[k] * y[Int(rows[k])]
            k &+= 1
        }
        return sum
    }

    /// y += v · (column j of A).
    @inline(__always)
    func scatter(column j: Int, _ v: Double, into y: UnsafeMutableBufferPointer<Double>) {
        for k in Int(starts[j])..<Int(starts[j &+ 1]) { y[Int(rows[k])] += values[k] * v }
    }

    /// y += v · (column j of A) and w += u · (column j of A), in one walk of the column
    /// (its first entry, as in `dot`, before the loop).
    @inline(__always)
    func scatter(column j: Int, _ v: Double, into y: UnsafeMutableBufferPointer<Double>, _ u: Double, into w: UnsafeMutableBufferPointer<Double>) {
        var k = Int(starts[j])
        let end = Int(starts[j &+ 1])
        guard k < end else { return }
        var (row, value) = (Int(rows[k]), values[k])
        y[row] += value * v
        w[row] += value * u
        k &+= 1
        while k < end {
            (row, value) = (Int(rows[k]), values[k])
            y[row] += value * v
            w[row] += value * u
            k &+= 1
        }
    }

    /// y = A x.
    func multiply(_ x: UnsafeMutableBufferPointer<Double>, into y: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<rowCount { y[i] = 0 }
        for j in 0..<columnCount {
            let xj = x[j]
            if xj == 0 { continue }
            for k in Int(starts[j])..<Int(starts[j + 1]) { y[Int(rows[k])] += values[k] * xj }
        }
    }

    /// x = Aᵀ y.
    func multiplyTransposed(_ y: UnsafeMutableBufferPointer<Double>, into x: UnsafeMutableBufferPointer<Double>) {
        for j in 0..<columnCount {
            var sum = 0.0
            for k in Int(starts[j])..<Int(starts[j + 1]) { sum += values[k] * y[Int(rows[k])] }
            x[j] = sum
        }
    }
}
