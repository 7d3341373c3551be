import LinearProgramming

/// The year's LP as it is assembled: each asset adds its columns and rows, and its terms
/// in the shared hourly balance rows (rows 0 ..< hours, one per hour, created here).
///
/// Units inside the LP: powers in GW, energies in GWh (hours of one hour), and costs in
/// million yuan (`costUnit`), so that fuel costs (about 0.4 M yuan/GWh) and the value of
/// lost load (about 20 M yuan/GWh) sit near 1. Every hourly column and row carries its
/// hour as stage, so the solver's banded path runs; annual rows carry
/// `LinearProgram.linking`.
public struct DispatchBuilder {
    /// yuan per unit of the LP's objective.
    public static let costUnit = 1e6

    public let hours: Int
    /// The hourly balance rows: Σ supply − Σ charging + imports − exports + unserved = load.
    public let balance: RowBlock
    private(set) var cost: [Double] = [], lower: [Double] = [], upper: [Double] = []
    private(set) var columnStages: [Int] = [], columnNames = NameList()
    private(set) var rowLower: [Double] = [], rowUpper: [Double] = []
    private(set) var rowStages: [Int] = [], rowNames = NameList()
    private var triplets: [(row: Int, column: Int, value: Double)] = []
    /// Constant part of the objective, yuan ÷ `costUnit`.
    private(set) var objectiveConstant = 0.0

    /// Starts a year of `load.count` hours with the balance rows (load in GW).
    public init(load: [Double]) {
        hours = load.count
        balance = RowBlock(first: 0, hours: load.count)
        // Room for a typical year (the default scenario's: 28 entries, 16 columns and 6
        // rows an hour), so that the arrays are not copied as they grow.
        let (entries, columns, rows) = (32 * load.count, 20 * load.count, 8 * load.count)
        triplets.reserveCapacity(entries)
        cost.reserveCapacity(columns)
        lower.reserveCapacity(columns)
        upper.reserveCapacity(columns)
        columnStages.reserveCapacity(columns)
        rowLower.reserveCapacity(rows)
        rowUpper.reserveCapacity(rows)
        rowStages.reserveCapacity(rows)
        for (t, value) in load.enumerated() {
            rowLower.append(value)
            rowUpper.append(value)
            rowStages.append(t)
        }
        rowNames.append(prefix: "balance", numbers: 0..<load.count)
    }

    /// One column per hour, named `name_t`, with bounds in GW or GWh and a cost in yuan
    /// per GWh (per unit of the column).
    public mutating func columns(_ name: String, lower: (Int) -> Double, upper: (Int) -> Double, cost: (Int) -> Double) -> ColumnBlock {
        let block = ColumnBlock(first: self.cost.count, hours: hours)
        for t in 0..<hours {
            self.lower.append(lower(t))
            self.upper.append(upper(t))
            self.cost.append(cost(t) / Self.costUnit)
            columnStages.append(t)
        }
        columnNames.append(prefix: name, numbers: 0..<hours)
        return block
    }

    /// One row per hour from `start` on, named `name_t`, with bounds (−∞ or +∞ for
    /// one-sided rows).
    public mutating func rows(_ name: String, from start: Int = 0, lower: (Int) -> Double, upper: (Int) -> Double) -> RowBlock {
        let block = RowBlock(first: rowLower.count - start, hours: hours)
        for t in start..<hours {
            rowLower.append(lower(t))
            rowUpper.append(upper(t))
            rowStages.append(t)
        }
        rowNames.append(prefix: name, numbers: start..<hours)
        return block
    }

    /// A row that couples all hours (an annual budget); returns its index.
    public mutating func annualRow(_ name: String, lower: Double, upper: Double) -> Int {
        rowLower.append(lower)
        rowUpper.append(upper)
        rowStages.append(LinearProgram.linking)
        rowNames.append(name)
        return rowLower.count - 1
    }

    /// Adds `value` to the matrix entry (row, column).
    public mutating func add(row: Int, column: Int, _ value: Double) {
        triplets.append((row, column, value))
    }

    /// Adds `coefficient` × the column of each hour to that hour's balance row.
    public mutating func addToBalance(_ block: ColumnBlock, _ coefficient: Double) {
        for t in 0..<hours { add(row: balance[t], column: block[t], coefficient) }
    }

    /// Adds a constant cost, yuan.
    public mutating func addConstantCost(_ yuan: Double) {
        objectiveConstant += yuan / Self.costUnit
    }

    /// The assembled LP (minimisation, objective in million yuan).
    public func program(name: String) -> LinearProgram {
        LinearProgram(
            name: name, objective: cost, objectiveConstant: objectiveConstant,
            matrix: SparseMatrix(rowCount: rowLower.count, columnCount: cost.count, triplets: triplets),
            rowLower: rowLower, rowUpper: rowUpper, columnLower: lower, columnUpper: upper,
            rowNames: rowNames, columnNames: columnNames, objectiveName: "cost_million_yuan",
            rowStages: rowStages, columnStages: columnStages)
    }
}

/// The columns of one hourly quantity: hour t is column `first + t`.
public struct ColumnBlock: Sendable {
    public let first: Int
    public let hours: Int

    public subscript(t: Int) -> Int { first + t }

    /// The quantity's hourly values in a solution.
    public func values(in x: [Double]) -> [Double] { Array(x[first..<(first + hours)]) }
}

/// The rows of one hourly equation: hour t is row `first + t` (`first` is offset when
/// the rows start after hour 0).
public struct RowBlock: Sendable {
    public let first: Int
    public let hours: Int

    public subscript(t: Int) -> Int { first + t }
}
