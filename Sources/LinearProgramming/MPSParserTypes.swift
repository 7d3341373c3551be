import Foundation

/// What `MPSParser` reads a file into: its sections, row and bound kinds, a line's fields
/// as byte ranges, and the entry a data line is checked into before it is applied.
extension MPSParser {
    enum Section: Int, Comparable {
        case none, name, objsense, rows, columns, rhs, ranges, bounds, endata

        /// In any case, as HiGHS reads them: `rows`, `Endata`.
        init?(keyword: String) {
            switch keyword.uppercased() {
            case "NAME": self = .name
            case "OBJSENSE": self = .objsense
            case "ROWS": self = .rows
            case "COLUMNS": self = .columns
            case "RHS": self = .rhs
            case "RANGES": self = .ranges
            case "BOUNDS": self = .bounds
            case "ENDATA": self = .endata
            default: return nil
            }
        }

        var keyword: String {
            switch self {
            case .none: "the start"
            case .name: "NAME"
            case .objsense: "OBJSENSE"
            case .rows: "ROWS"
            case .columns: "COLUMNS"
            case .rhs: "RHS"
            case .ranges: "RANGES"
            case .bounds: "BOUNDS"
            case .endata: "ENDATA"
            }
        }

        static func < (a: Section, b: Section) -> Bool { a.rawValue < b.rawValue }

        static let order = "sections go in the order NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA"
    }

    enum RowKind { case equal, less, greater }

    enum RowReference: Equatable {
        case objective, free, constraint(Int)

        /// As a value of the name table.
        init(code: Int) {
            self = code == -1 ? .objective : code == -2 ? .free : .constraint(code)
        }

        var code: Int {
            switch self {
            case .objective: -1
            case .free: -2
            case .constraint(let row): row
            }
        }
    }

    enum BoundKind: Int, CaseIterable {
        case upper, lower, fixed, free, minusInfinity, plusInfinity, binary

        /// The kinds that give a lower bound: a column with one of them is not made
        /// unbounded below by a negative `UP`.
        var givesLower: Bool { sides(0).lower != nil }

        /// The lower and upper bounds a line of this kind with `value` sets (nil for a side
        /// it leaves alone; a negative `UP`'s −∞ lower bound is `MPSParser.setBound`'s).
        func sides(_ value: Double) -> (lower: Double?, upper: Double?) {
            switch self {
            case .upper: (nil, value)
            case .lower: (value, nil)
            case .fixed: (value, value)
            case .free: (-.infinity, .infinity)
            case .minusInfinity: (-.infinity, nil)
            case .plusInfinity: (nil, .infinity)
            case .binary: (0, 1)
            }
        }

        /// The bound type that sets it, for warnings (`UI` and `LI` give `UP` and `LO` too).
        var type: String {
            switch self {
            case .upper: "UP"
            case .lower: "LO"
            case .fixed: "FX"
            case .free: "FR"
            case .minusInfinity: "MI"
            case .plusInfinity: "PL"
            case .binary: "BV"
            }
        }
    }

    /// A bound of one kind on one column, to find it given twice.
    struct BoundKey {
        var column: Int
        var kind: BoundKind
    }

    /// The line of each column's bound of each kind: a flat table, a slot for each kind of
    /// each column up to the last one bounded, 0 for none. Kept in a dictionary, the
    /// hashing of (column, kind) took a twentieth of the time to read a file with a bound
    /// on every column.
    struct BoundLines {
        private var lines: [Int] = []

        subscript(key: BoundKey) -> Int? {
            get {
                let index = Self.index(key)
                return index < lines.count && lines[index] != 0 ? lines[index] : nil
            }
            set {
                let index = Self.index(key)
                if index >= lines.count { lines += repeatElement(0, count: max(index + 1, 2 * lines.count) - lines.count) }
                lines[index] = newValue ?? 0
            }
        }

        private static func index(_ key: BoundKey) -> Int {
            key.column * BoundKind.allCases.count + key.kind.rawValue
        }
    }

    /// Lines of one kind that warrant a warning: how many, and the first, which the
    /// warning names, with what it is about (a row's name, a bound type) where that helps.
    struct Tally {
        private(set) var count = 0, first = 0
        private(set) var subject = ""

        mutating func note(_ line: Int, subject: String = "") {
            if count == 0 { (first, self.subject) = (line, subject) }
            count += 1
        }

        /// "this line is" or "3 lines, the first here, are", with `lines` in place of "lines".
        func counted(_ one: String, _ lines: String) -> String {
            count == 1 ? "this \(one) is" : "\(count) \(lines), the first here, are"
        }
    }

    struct Pair {
        var row: RowReference
        var value: Double
        /// The fields of the row's name and of the value, as written.
        var name: Range<Int>, written: Range<Int>
    }

    /// The one or two pairs of a line, kept inline to spare an allocation per line.
    struct Pairs: RandomAccessCollection {
        var first: Pair
        var second: Pair?

        var startIndex: Int { 0 }
        var endIndex: Int { second == nil ? 1 : 2 }
        subscript(index: Int) -> Pair { index == 0 ? first : second! }
    }

    /// The fields of a line as byte ranges. The first six are kept inline, sparing an
    /// allocation per line; `count` counts them all, and no entry reads past the sixth.
    struct Fields: Equatable {
        private var stored = (0..<0, 0..<0, 0..<0, 0..<0, 0..<0, 0..<0)
        private(set) var count = 0

        mutating func append(_ field: Range<Int>) {
            switch count {
            case 0: stored.0 = field
            case 1: stored.1 = field
            case 2: stored.2 = field
            case 3: stored.3 = field
            case 4: stored.4 = field
            case 5: stored.5 = field
            default: break
            }
            count += 1
        }

        subscript(index: Int) -> Range<Int> {
            switch index {
            case 0: stored.0
            case 1: stored.1
            case 2: stored.2
            case 3: stored.3
            case 4: stored.4
            default: stored.5
            }
        }

        static func == (a: Fields, b: Fields) -> Bool {
            a.count == b.count && (0..<min(a.count, 6)).allSatisfy { a[$0] == b[$0] }
        }
    }

    enum Entry {
        /// A row; `nil` kind for an `N` row.
        case row(RowKind?, name: Range<Int>)
        /// Pairs for the current column, or for a new one when `newColumn` is set.
        case column(newColumn: Range<Int>?, Pairs)
        case rhs(set: String?, Pairs)
        case range(set: String?, Pairs)
        /// `integer` for BV, LI and UI, read as their LP relaxation; `ignoredValue` for a
        /// value after FR, MI or PL, which take none.
        /// `setIsColumn` for a line whose set name is also a column's name.
        case bound(BoundKind, set: String?, column: Int, value: Double, integer: Bool, ignoredValue: Bool, setIsColumn: Bool)
        /// A MARKER line: `opens` for INTORG, which starts a block of integer columns,
        /// false for INTEND.
        case marker(opens: Bool)
        /// An entry of an RHS, RANGES or BOUNDS set other than the one used.
        case otherSet
    }
}
