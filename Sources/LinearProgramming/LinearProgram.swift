/// A linear program in the form capsim's solver takes:
///
///     minimise (or maximise)  cᵀx + constant
///     subject to              rowLower ≤ A x ≤ rowUpper
///                             columnLower ≤ x ≤ columnUpper
///
/// Any bound may be infinite (±`Double.infinity`); a row with equal bounds is an
/// equality, one with two finite bounds a range row, a column with two infinite bounds
/// is free. A is sparse (`SparseMatrix`, compressed by column).
///
/// `rowStages` and `columnStages` optionally give each row and column a stage — for
/// dispatch, the hour — so the solver can order the normal equations as a band. A stage
/// of `LinearProgram.linking` marks a row that couples all stages (an annual budget);
/// such rows are kept out of the band. The solver knows nothing else about the problem.
public struct LinearProgram: Sendable, Equatable {
    public enum Sense: String, Sendable {
        case minimize, maximize
    }

    /// A stage number for rows and columns that belong to no single stage.
    public static let linking = -1

    public var name: String
    public var sense: Sense
    public var objective: [Double]
    public var objectiveConstant: Double
    public var matrix: SparseMatrix
    public var rowLower: [Double]
    public var rowUpper: [Double]
    public var columnLower: [Double]
    public var columnUpper: [Double]
    public var rowNames: NameList
    public var columnNames: NameList
    /// The objective row's name (MPS `N` row).
    public var objectiveName: String
    public var rowStages: [Int]?
    public var columnStages: [Int]?

    public var rowCount: Int { matrix.rowCount }
    public var columnCount: Int { matrix.columnCount }

    public init(
        name: String = "LP", sense: Sense = .minimize, objective: [Double], objectiveConstant: Double = 0,
        matrix: SparseMatrix, rowLower: [Double], rowUpper: [Double], columnLower: [Double], columnUpper: [Double],
        rowNames: NameList? = nil, columnNames: NameList? = nil, objectiveName: String = "OBJ",
        rowStages: [Int]? = nil, columnStages: [Int]? = nil
    ) {
        self.name = name
        self.sense = sense
        self.objective = objective
        self.objectiveConstant = objectiveConstant
        self.matrix = matrix
        self.rowLower = rowLower
        self.rowUpper = rowUpper
        self.columnLower = columnLower
        self.columnUpper = columnUpper
        self.rowNames = rowNames ?? NameList((0..<matrix.rowCount).map { "R\($0)" })
        self.columnNames = columnNames ?? NameList((0..<matrix.columnCount).map { "C\($0)" })
        self.objectiveName = objectiveName
        self.rowStages = rowStages
        self.columnStages = columnStages
    }

    /// The objective cᵀx + constant of a point, in the problem's own sense.
    public func objectiveValue(_ x: [Double]) -> Double {
        var value = objectiveConstant
        for j in 0..<columnCount { value += objective[j] * x[j] }
        return value
    }

    /// A description of what is inconsistent (lengths, NaN, lower above upper), or nil.
    public func inconsistency() -> String? {
        let m = rowCount, n = columnCount
        if objective.count != n { return "the objective has \(objective.count) entries for \(n) columns" }
        if rowLower.count != m || rowUpper.count != m { return "row bounds do not match the \(m) rows" }
        if columnLower.count != n || columnUpper.count != n { return "column bounds do not match the \(n) columns" }
        if rowNames.count != m || columnNames.count != n { return "names do not match the rows and columns" }
        if let stages = rowStages, stages.count != m { return "row stages do not match the \(m) rows" }
        if let stages = columnStages, stages.count != n { return "column stages do not match the \(n) columns" }
        if let problem = matrix.inconsistency() { return problem }
        if objective.contains(where: { !$0.isFinite }) || !objectiveConstant.isFinite { return "the objective has a value that is not finite" }
        if matrix.values.contains(where: { !$0.isFinite }) { return "the matrix has a value that is not finite" }
        for i in 0..<m where rowLower[i].isNaN || rowUpper[i].isNaN || rowLower[i] > rowUpper[i] || rowLower[i] == .infinity || rowUpper[i] == -.infinity {
            return "row \(rowNames[i]) has bounds [\(rowLower[i]), \(rowUpper[i])]"
        }
        for j in 0..<n where columnLower[j].isNaN || columnUpper[j].isNaN || columnLower[j] > columnUpper[j] || columnLower[j] == .infinity || columnUpper[j] == -.infinity {
            return "column \(columnNames[j]) has bounds [\(columnLower[j]), \(columnUpper[j])]"
        }
        return nil
    }
}

/// A sparse m × n matrix in compressed sparse column form: the entries of column j are
/// `rowIndices[k]`, `values[k]` for k in `columnStarts[j] ..< columnStarts[j + 1]`,
/// with increasing row indices and no duplicates.
public struct SparseMatrix: Sendable, Equatable {
    public let rowCount: Int
    public let columnCount: Int
    public var columnStarts: [Int]
    public var rowIndices: [Int]
    public var values: [Double]

    public init(rowCount: Int, columnCount: Int, columnStarts: [Int], rowIndices: [Int], values: [Double]) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.columnStarts = columnStarts
        self.rowIndices = rowIndices
        self.values = values
    }

    /// From (row, column, value) triplets in any order; duplicates are summed and zeros
    /// dropped (triplets whose column is outside 0 ..< columnCount are ignored).
    ///
    /// The triplets are bucketed by column (a counting sort, linear in their number: a
    /// one-year dispatch LP has some 400 000 of them), then each column's few entries are
    /// put in row order by insertion, keeping the given order among equal rows.
    public init(rowCount: Int, columnCount: Int, triplets: [(row: Int, column: Int, value: Double)]) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        var first = [Int](repeating: 0, count: columnCount + 1)
        for triplet in triplets where (0..<columnCount).contains(triplet.column) { first[triplet.column + 1] += 1 }
        for column in 0..<columnCount { first[column + 1] += first[column] }
        var next = first, order = [Int](repeating: 0, count: first[columnCount])
        for (index, triplet) in triplets.enumerated() where (0..<columnCount).contains(triplet.column) {
            order[next[triplet.column]] = index
            next[triplet.column] += 1
        }
        var starts = [Int](repeating: 0, count: columnCount + 1)
        var rows: [Int] = [], vals: [Double] = []
        rows.reserveCapacity(order.count)
        vals.reserveCapacity(order.count)
        for column in 0..<columnCount {
            starts[column] = rows.count
            let range = first[column]..<first[column + 1]
            for position in range.dropFirst() {
                let moving = order[position]
                var hole = position
                while hole > range.lowerBound, triplets[order[hole - 1]].row > triplets[moving].row {
                    order[hole] = order[hole - 1]
                    hole -= 1
                }
                order[hole] = moving
            }
            var position = range.lowerBound
            while position < range.upperBound {
                let row = triplets[order[position]].row
                var value = 0.0
                while position < range.upperBound, triplets[order[position]].row == row {
                    value += triplets[order[position]].value
                    position += 1
                }
                if value != 0 {
                    rows.append(row)
                    vals.append(value)
                }
            }
        }
        starts[columnCount] = rows.count
        columnStarts = starts
        rowIndices = rows
        values = vals
    }

    public var nonzeroCount: Int { values.count }

    /// y = A x.
    public func multiply(_ x: [Double], into y: inout [Double]) {
        for i in 0..<rowCount { y[i] = 0 }
        for j in 0..<columnCount where x[j] != 0 {
            let xj = x[j]
            for k in columnStarts[j]..<columnStarts[j + 1] { y[rowIndices[k]] += values[k] * xj }
        }
    }

    /// x = Aᵀ y.
    public func multiplyTransposed(_ y: [Double], into x: inout [Double]) {
        for j in 0..<columnCount {
            var sum = 0.0
            for k in columnStarts[j]..<columnStarts[j + 1] { sum += values[k] * y[rowIndices[k]] }
            x[j] = sum
        }
    }

    func inconsistency() -> String? {
        guard columnStarts.count == columnCount + 1, columnStarts.first == 0, columnStarts.last == values.count,
              rowIndices.count == values.count
        else { return "the matrix's column starts do not match its entries" }
        for j in 0..<columnCount {
            guard columnStarts[j] <= columnStarts[j + 1] else { return "the matrix's column starts decrease at column \(j)" }
            var previous = -1
            for k in columnStarts[j]..<columnStarts[j + 1] {
                guard rowIndices[k] > previous, rowIndices[k] < rowCount else { return "column \(j) has row indices out of order or range" }
                previous = rowIndices[k]
            }
        }
        return nil
    }
}
