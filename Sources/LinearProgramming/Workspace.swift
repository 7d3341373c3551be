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

    /// `values` as 32-bit integers in a buffer (each must fit).
    func indices(_ values: [Int]) -> UnsafeMutableBufferPointer<Int32> {
        copy(values.lazy.map { Int32($0) })
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

    init(_ a: SparseMatrix, in workspace: Workspace) {
        rowCount = a.rowCount
        columnCount = a.columnCount
        starts = workspace.indices(a.columnStarts)
        rows = workspace.indices(a.rowIndices)
        values = workspace.copy(a.values)
    }

    /// (Aᵀy)ⱼ, column j's dot product with y.
    @inline(__always)
    func dot(column j: Int, _ y: UnsafeMutableBufferPointer<Double>) -> Double {
        var sum = 0.0
        for k in Int(starts[j])..<Int(starts[j &+ 1]) { sum += values[k] * y[Int(rows[k])] }
        return sum
    }

    /// y += v · (column j of A).
    @inline(__always)
    func scatter(column j: Int, _ v: Double, into y: UnsafeMutableBufferPointer<Double>) {
        for k in Int(starts[j])..<Int(starts[j &+ 1]) { y[Int(rows[k])] += values[k] * v }
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
