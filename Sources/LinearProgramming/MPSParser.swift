import Foundation

/// One reading of MPS text: the problem so far and the line being read. Each data line
/// is first checked into an `Entry` without changing anything, so that `.automatic` can
/// try a second reading of a line that fails, and then applied. It reads the text in
/// place, as byte ranges into `bytes`, which must outlive it.
struct MPSParser {
    private enum Section: Int, Comparable {
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

    private enum RowKind { case equal, less, greater }

    private enum RowReference: Equatable {
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

    private enum BoundKind: CaseIterable {
        case upper, lower, fixed, free, minusInfinity, plusInfinity, binary

        /// The kinds that give a lower bound: a column with one of them is not made
        /// unbounded below by a negative `UP`.
        var givesLower: Bool { self != .upper && self != .plusInfinity }

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
    private struct BoundKey: Hashable {
        var column: Int
        var kind: BoundKind
    }

    /// Lines of one kind that warrant a warning: how many, and the first, which the
    /// warning names, with what it is about (a row's name, a bound type) where that helps.
    private struct Tally {
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

    private struct Pair {
        var row: RowReference
        var value: Double
        /// The fields of the row's name and of the value, as written.
        var name: Range<Int>, written: Range<Int>
    }

    /// The one or two pairs of a line, kept inline to spare an allocation per line.
    private struct Pairs: RandomAccessCollection {
        var first: Pair
        var second: Pair?

        var startIndex: Int { 0 }
        var endIndex: Int { second == nil ? 1 : 2 }
        subscript(index: Int) -> Pair { index == 0 ? first : second! }
    }

    /// The fields of a line as byte ranges. The first six are kept inline, sparing an
    /// allocation per line; `count` counts them all, and no entry reads past the sixth.
    private struct Fields: Equatable {
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

    private enum Entry {
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

    /// The smallest size of a nonzero matrix coefficient. Anything smaller is almost surely
    /// a damaged number, and the solver's scaling cannot take it: 1e-320, a subnormal,
    /// has a reciprocal beyond the range of a double and made the solve end in NaN.
    static let smallestCoefficient = 1e-100
    /// The words OBJSENSE takes, in any case.
    private static let senses: Set<String> = ["MAX", "MAXIMIZE", "MIN", "MINIMIZE"]

    /// The fixed-format fields as 0-based byte offsets.
    private static let fixedFields = [1..<3, 4..<12, 14..<22, 24..<36, 39..<47, 49..<61]

    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String
    private let format: MPSFormat
    private var line = 0
    private var section = Section.none
    /// The line of the current section's header, which an OBJSENSE without a sense and a
    /// ROWS without an N row are named by.
    private var sectionLine = 0
    private var sawRows = false, sawColumns = false
    /// In `.automatic`, set once a line has been read by the fixed columns: the file is
    /// fixed-format, and they are tried first from then on.
    private var readsFixedFirst = false

    private var name = ""
    private var sense: LinearProgram.Sense?
    private var objectiveName: String?
    private var objectiveConstant: Double?
    /// The line of the objective row's RHS (its constant), 0 until given.
    private var objectiveConstantLine = 0
    private var rows = MPSNameTable(minimumCapacity: 0)
    private var rowNames: [String] = []
    private var rowKinds: [RowKind] = []
    private var rhs: [Double] = []
    /// The line of each row's RHS value and range, 0 until given, to name the first when
    /// one is given twice.
    private var rhsLine: [Int] = []
    private var ranges: [Double?] = []
    private var rangeLine: [Int] = []
    private var rhsSet: String?
    private var rangeSet: String?
    private var boundSet: String?
    /// The line of each column's bound of each kind.
    private var boundLines: [BoundKey: Int] = [:]
    /// The line of a negative `UP` that made its column unbounded below, for a column that
    /// no BOUNDS line has given a lower bound (yet: a later one takes the entry out).
    private var conventionLines: [Int: Int] = [:]
    /// MARKER, BV, LI and UI lines, read as the LP relaxation.
    private var integerLines = Tally()
    /// Between a MARKER INTORG and its INTEND, and the columns opened there, with the line
    /// of each one's first entry.
    private var inIntegerBlock = false, integerBlockLine = 0
    private var integerColumns: [(column: Int, line: Int)] = []
    /// Those of them that no BOUNDS line names, read as binary.
    private var binaryColumns: [(column: Int, line: Int)] = []
    /// By section, the entries of sets other than the one used.
    private var otherSetLines: [Section: Tally] = [:]
    /// By section (RHS, RANGES), the entries on free N rows, which are dropped.
    private var freeRowLines: [Section: Tally] = [:]
    /// RANGES entries on the objective row, which a range does not apply to.
    private var objectiveRangeLines = Tally()
    /// FR, MI and PL lines with a value, which they take none of.
    private var ignoredValueLines = Tally()
    /// FR, MI, PL and BV lines of three fields that are both columns' names, read as a set
    /// and a column where HiGHS reads a column and a value; the subject is the first one's
    /// reading and how to write it without doubt.
    private var setIsColumnLines = Tally()
    /// Lines with text after ENDATA.
    private var afterEndLines = Tally()
    /// The line of the ROWS header when ROWS has no N row: the objective is then zero.
    private var rowsWithoutObjective: Int?
    /// What is read but perhaps not as the writer meant, made once the file has been read.
    private(set) var warnings: [MPSWarning] = []
    /// The runs of `*STAGES` comment lines (`MPSStages`), by kind, and the first such
    /// line; made into stages only when a kind's count is the rows' or columns'.
    private var rowRuns: [MPSStages.Run]?, columnRuns: [MPSStages.Run]?, stagesLine: Int?

    /// The column names, made when COLUMNS ends.
    private var columns = MPSNameTable(minimumCapacity: 0)
    /// Where each column's name was first written, and on which line.
    private var columnFields: [Range<Int>] = []
    private var columnLines: [Int] = []
    private var columnNames: [String] = []
    private var objective: [Double] = []
    private var columnLower: [Double] = []
    private var columnUpper: [Double] = []
    /// The matrix in compressed column form; a column is open while
    /// `columnStarts.count == columnNames.count`.
    private var columnStarts = [0]
    private var rowIndices: [Int] = []
    private var values: [Double] = []
    /// The open column's entries, sorted by row when it closes.
    private var pending: [(row: Int, value: Double)] = []
    /// For each row, the line of its last entry in COLUMNS (0 for none), to catch an entry
    /// given twice and name the first: a column's lines are contiguous, so an entry of the
    /// open column is one on its first line or later. A line rather than a column costs
    /// nothing more per entry and says where the first entry is.
    private var lastLineOfRow: [Int] = []
    /// The line of the open column's objective entry, 0 for none.
    private var openColumnObjectiveLine = 0
    /// The line where the open column's entries start.
    private var openColumnLine = 0
    /// Where the open column's name was last written, to tell cheaply whether a line continues it.
    private var openColumnName: Range<Int>?

    init(bytes: UnsafeBufferPointer<UInt8>, file: String, format: MPSFormat) {
        self.bytes = bytes
        self.file = file
        self.format = format
    }

    mutating func parse() throws(MPSError) -> LinearProgram {
        // Its bytes would read as blanks and control characters, and fail as a line that makes no sense.
        if bytes.starts(with: [0x1F, 0x8B]) {
            throw MPSError(file: file, line: 1, message: "the file is gzip-compressed: decompress it first (gunzip)")
        }
        // A UTF-8 byte-order mark, which some editors write, is not part of line 1.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Found once, by memchr, and checked by one comparison a line: as a blank it would
        // split or end a field, and the line fail as something else.
        let nul = bytes.baseAddress.flatMap { base in memchr(base, 0, bytes.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } } ?? bytes.count
        var start = body
        while start < bytes.count {
            let end = lineEnd(from: start)
            var trimmed = end
            while trimmed > start, Self.isBlank(bytes[trimmed - 1]) { trimmed -= 1 }
            line += 1
            if end > nul { throw failure("a NUL byte in column \(nul - start + 1): the file is binary or damaged") }
            try readLine(start..<trimmed)
            start = end + 1
        }
        if section == .columns { try endColumns() }
        guard section != .none else {
            let empty = bytes[body...].allSatisfy(Self.isBlank)
            throw MPSError(file: file, line: 1, message: empty ? "the file is empty" : "the file has only comments and blank lines, no MPS sections")
        }
        guard section == .endata else {
            throw MPSError(file: file, line: line, message: "missing ENDATA at the end of the file")
        }
        boundIntegerColumns()
        makeWarnings()
        return problem()
    }

    // MARK: Lines

    /// Where the line from `start` ends: the next "\n", or a "\r" that no "\n" follows
    /// (the line end of old Mac files), or the end of the text. The CR of a CRLF is left
    /// in the line, where it is blank. `memchr` is several times faster here than a loop
    /// over the bytes.
    private func lineEnd(from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
        let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
        guard let found = memchr(base + start, Int32(UInt8(ascii: "\r")), end - start) else { return end }
        let cr = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        return cr + 1 == end && newline != nil ? end : cr
    }

    private mutating func readLine(_ range: Range<Int>) throws(MPSError) {
        guard let first = range.first.map({ bytes[$0] }) else { return }
        guard first != UInt8(ascii: "*") else { return try readStages(range) }
        if section == .endata {
            afterEndLines.note(line)
        } else if Self.isBlank(first) {
            try readData(range)
        } else {
            try readHeader(range)
        }
    }

    /// A comment line: read when it is a `*STAGES ROWS` or `*STAGES COLUMNS` line capsim
    /// wrote (`MPSStages`), skipped otherwise.
    private mutating func readStages(_ range: Range<Int>) throws(MPSError) {
        let marker = MPSStages.marker.utf8
        guard range.count > marker.count, bytes[range.lowerBound..<(range.lowerBound + marker.count)].elementsEqual(marker),
              Self.isBlank(bytes[range.lowerBound + marker.count]) else { return }
        let words = string(range).split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst()
        guard let kind = words.first, kind == "ROWS" || kind == "COLUMNS" else { return }
        stagesLine = stagesLine ?? line
        var runs = (kind == "ROWS" ? rowRuns : columnRuns) ?? []
        for token in words.dropFirst() {
            guard let run = MPSStages.run(token) else {
                throw failure("'\(token)' in a \(MPSStages.marker) \(kind) line: expected a:n (the stages a … a + n − 1), a*k (stage a k times), a:n*k (each of a … a + n − 1 k times) or L*k (k of no single stage), with n, k ≥ 1")
            }
            runs.append(run)
        }
        if kind == "ROWS" { rowRuns = runs } else { columnRuns = runs }
    }

    private mutating func readHeader(_ range: Range<Int>) throws(MPSError) {
        let words = freeFields(range)
        let keyword = string(words[0])
        // The sense on the line after OBJSENSE, written from its first column.
        if section == .objsense, sense == nil, words.count == 1, Self.senses.contains(keyword.uppercased()) { return try setSense(words[0]) }
        guard let next = Section(keyword: keyword) else {
            // A data line written from column 1 reads as a header, and its first word, a row
            // type or a name, as an unknown section.
            let indent = section >= .rows && section <= .bounds ? "; if this is a \(section.keyword) line, indent it: data lines start with a space" : ""
            throw failure("unknown section '\(keyword)'\(indent)")
        }
        guard next > section else {
            throw failure(next == section ? "a second \(next.keyword) section" : "\(next.keyword) after \(section.keyword); \(Section.order)")
        }
        if section == .objsense, sense == nil {
            throw MPSError(file: file, line: sectionLine, message: "OBJSENSE without MAX or MIN, on its line or the next (line \(line) starts \(keyword))")
        }
        // Said here, as the lines of the section would fail as naming an unknown row or column.
        for (needed, missing) in [(sawRows, Section.rows), (sawColumns, .columns)] where !needed && next > missing {
            if let later = headerLine(of: missing, after: range.upperBound) {
                throw failure("\(next.keyword) before \(missing.keyword) (line \(later)); \(Section.order)")
            }
            throw failure("no \(missing.keyword) section before \(next.keyword) (an MPS file has ROWS, with the objective row, and COLUMNS)")
        }
        if section == .rows, objectiveName == nil { rowsWithoutObjective = sectionLine }
        if section == .columns { try endColumns() }
        (section, sectionLine) = (next, line)
        sawRows = sawRows || next == .rows
        sawColumns = sawColumns || next == .columns
        switch next {
        case .name:
            name = words.count > 1 ? string(words[1].lowerBound..<range.upperBound) : ""
        case .objsense where words.count <= 2:
            if words.count == 2 { try setSense(words[1]) }
        default:
            let allowed = next == .objsense ? 2 : 1
            if words.count > allowed { throw failure("unexpected '\(string(words[allowed]))' after \(keyword)") }
        }
    }

    /// The line of a header of `wanted` after the offset `start`, if there is one. Looked
    /// for only to word an error: a section that needs ROWS or COLUMNS may come before it
    /// rather than without it, and "no COLUMNS section" would then mislead.
    private func headerLine(of wanted: Section, after start: Int) -> Int? {
        var (start, number) = (lineEnd(from: start) + 1, line)
        while start < bytes.count {
            let end = lineEnd(from: start)
            number += 1
            if start < end, !Self.isBlank(bytes[start]), bytes[start] != UInt8(ascii: "*"),
               Section(keyword: string(freeFields(start..<end)[0])) == wanted {
                return number
            }
            start = end + 1
        }
        return nil
    }

    private mutating func readData(_ range: Range<Int>) throws(MPSError) {
        switch section {
        case .none:
            throw failure("data line before the first section")
        case .name, .endata:
            throw failure("unexpected data line in the \(section.keyword) section")
        case .objsense:
            let words = freeFields(range)
            guard words.count == 1 else { throw failure("an OBJSENSE line holds one word, MAX or MIN; this one has \(Self.count(words))") }
            try setSense(words[0])
        case .rows, .columns, .rhs, .ranges, .bounds:
            apply(try entry(range))
        }
    }

    /// Whether the number written in `field` has a nonzero digit before its exponent: one
    /// that still reads as 0 (1e-400) is a coefficient too small for a double, not a zero.
    private func hasNonzeroDigit(_ field: Range<Int>) -> Bool {
        for index in field {
            switch bytes[index] {
            case UInt8(ascii: "1")...UInt8(ascii: "9"): return true
            case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "d"), UInt8(ascii: "D"): return false
            default: continue
            }
        }
        return false
    }

    private mutating func setSense(_ word: Range<Int>) throws(MPSError) {
        guard sense == nil else { throw failure("the objective sense is given twice") }
        switch string(word).uppercased() {
        case "MAX", "MAXIMIZE": sense = .maximize
        case "MIN", "MINIMIZE": sense = .minimize
        case let other: throw failure("unknown objective sense '\(other)'; expected MAX, MAXIMIZE, MIN or MINIMIZE")
        }
    }

    private mutating func entry(_ range: Range<Int>) throws(MPSError) -> Entry {
        switch format {
        case .free: try entry(fields: freeFields(range))
        case .fixed: try fixedEntry(range)
        case .automatic: try automaticEntry(range)
        }
    }

    /// A line read by the fixed columns. A tab there counts as one column, not as the
    /// spaces an editor shows, so what follows it is out of place and the line fails as
    /// something else (text outside the fields, an unknown name): the error says so.
    private func fixedEntry(_ range: Range<Int>) throws(MPSError) -> Entry {
        do throws(MPSError) {
            return try entry(fields: fixedFields(range))
        } catch {
            guard let tab = range.first(where: { bytes[$0] == UInt8(ascii: "\t") }) else { throw error }
            var error = error
            error.message += "; the tab in column \(tab - range.lowerBound + 1) counts as one column in fixed format, which moves what follows it: align the fields with spaces"
            throw error
        }
    }

    /// A line read in `.automatic`: as free format, or by the fixed columns once a line
    /// has been read by them, and the other way when that fails. The file is then known to
    /// be fixed-format, where a free reading can be valid but wrong: ` FR BND       X 1`,
    /// for the column `X 1`, would be FR on the column `X` with a value that FR ignores.
    /// An error is the first reading's.
    private mutating func automaticEntry(_ range: Range<Int>) throws(MPSError) -> Entry {
        do throws(MPSError) {
            return try readsFixedFirst ? fixedEntry(range) : entry(fields: freeFields(range))
        } catch {
            let free = freeFields(range), fixed = try? fixedFields(range)
            // In a file known to be fixed-format, a line whose fixed fields were read but
            // name something unknown is wrong as written; its free reading would split a
            // name at its space and name something else (` FR BND       X 1` made `X` free).
            if readsFixedFirst, fixed != nil { throw error }
            guard fixed != free, let other = readsFixedFirst ? free : fixed, let entry = try? entry(fields: other) else { throw error }
            readsFixedFirst = true
            return entry
        }
    }

    private func entry(fields: Fields) throws(MPSError) -> Entry {
        switch section {
        case .rows: try rowEntry(fields)
        case .columns: try columnEntry(fields)
        case .rhs: try rhsEntry(fields)
        case .ranges: try rangeEntry(fields)
        default: try boundEntry(fields)
        }
    }

    // MARK: Entries

    private func rowEntry(_ fields: Fields) throws(MPSError) -> Entry {
        guard fields.count == 2 else { throw failure("a ROWS line holds a type and a name; this one has \(Self.count(fields))") }
        let kind: RowKind?
        switch string(fields[0]) {
        case "N": kind = nil
        case "E": kind = .equal
        case "L": kind = .less
        case "G": kind = .greater
        case let other: throw failure("unknown row type '\(other)'; expected N, E, L or G")
        }
        guard rows.value(of: fields[1], in: bytes) == nil else { throw failure("duplicate row '\(string(fields[1]))'") }
        return .row(kind, name: fields[1])
    }

    private func columnEntry(_ fields: Fields) throws(MPSError) -> Entry {
        // A row may be named 'MARKER', quotes and all: a line with a value for it is an entry.
        if fields.count == 3, bytes[fields[1].lowerBound] == UInt8(ascii: "'"), matches(fields[1], "'MARKER'") {
            let opens = matches(fields[2], "'INTORG'")
            if opens || matches(fields[2], "'INTEND'") { return .marker(opens: opens) }
            guard rows.value(of: fields[1], in: bytes) != nil else {
                throw failure("unknown marker \(string(fields[2])); expected 'INTORG' or 'INTEND'")
            }
        }
        guard fields.count == 3 || fields.count == 5 else {
            throw failure("a COLUMNS line holds a column name and one or two row/value pairs; this one has \(Self.count(fields))")
        }
        let isNew = openColumnName.map { !equal($0, fields[0]) } ?? true
        let pairs = try pairs(fields, from: 1, finite: true)
        for (index, pair) in pairs.enumerated() {
            // The line of an earlier entry of this column for the row, or 0.
            let first = switch pair.row {
            case _ where index == 1 && pair.row != .free && pair.row == pairs[0].row: line
            case _ where isNew: 0
            case .objective: openColumnObjectiveLine
            case .constraint(let row): lastLineOfRow[row] >= openColumnLine ? lastLineOfRow[row] : 0
            case .free: 0
            }
            if first > 0 {
                throw failure("a second entry for row '\(string(pair.name))' in column '\(string(fields[0]))'; the first is on line \(first)")
            }
            if case .constraint = pair.row, pair.value != 0 ? abs(pair.value) < Self.smallestCoefficient : hasNonzeroDigit(pair.written) {
                throw failure("the coefficient \(string(pair.written)) for row '\(string(pair.name))' is below 1e-100 in size; expected 0 or at least 1e-100")
            }
        }
        return .column(newColumn: isNew ? fields[0] : nil, pairs)
    }

    private func rhsEntry(_ fields: Fields) throws(MPSError) -> Entry {
        guard case let (set, pairs)? = try setAndPairs(fields, section: "an RHS", used: rhsSet) else { return .otherSet }
        for (index, pair) in pairs.enumerated() {
            let first = switch pair.row {
            case _ where index == 1 && pair.row != .free && pair.row == pairs[0].row: line
            case .objective: objectiveConstantLine
            case .constraint(let row): rhsLine[row]
            case .free: 0
            }
            if first > 0 {
                throw failure("a second RHS value for row '\(string(pair.name))'; the first is on line \(first)")
            }
            if pair.row == .objective, !pair.value.isFinite {
                throw failure("the RHS of the objective row '\(string(pair.name))' must be finite")
            }
            if case .constraint(let row) = pair.row { try checkRHS(pair, row: row) }
        }
        return .rhs(set: set, pairs)
    }

    /// Refuses an RHS that leaves a row no value, whatever its range: an infinite one on
    /// an E row, −∞ on an L row, +∞ on a G row. As for bounds (`checkBound`), 1e20 or more
    /// in size counts as infinite, so that the line is named here rather than the row
    /// found invalid once the solve has begun.
    private func checkRHS(_ pair: Pair, row: Int) throws(MPSError) {
        guard abs(pair.value) >= InteriorPointSolver.infinite else { return }
        let kind = rowKinds[row]
        guard kind == .equal || (kind == .less) == (pair.value < 0) else { return }
        let type = kind == .equal ? "E" : kind == .less ? "L" : "G"
        throw failure("an RHS of \(infinity(pair.value, written: string(pair.written))) leaves the \(type) row '\(string(pair.name))' no value")
    }

    /// An infinite bound or RHS as a message shows it: `−∞`, or the value as written with
    /// what the solver takes it for (`-1e30 (−∞: 1e20 or more in size is infinite)`).
    private func infinity(_ value: Double, written: String) -> String {
        let sign = value < 0 ? "−∞" : "+∞"
        return value.isInfinite ? sign : "\(written) (\(sign): 1e20 or more in size is infinite)"
    }

    private func rangeEntry(_ fields: Fields) throws(MPSError) -> Entry {
        guard case let (set, pairs)? = try setAndPairs(fields, section: "a RANGES", used: rangeSet) else { return .otherSet }
        for (index, pair) in pairs.enumerated() {
            guard case .constraint(let row) = pair.row else { continue }
            let first = index == 1 && pair.row == pairs[0].row ? line : rangeLine[row]
            if first > 0 {
                throw failure("a second range for row '\(string(pair.name))'; the first is on line \(first)")
            }
            try checkRange(pair, row: row)
        }
        return .range(set: set, pairs)
    }

    /// Refuses a range that leaves a row no value, which only an infinite RHS can make:
    /// one of +∞ leaves an L row free, and of −∞ a G row, but a range makes it [+∞, +∞]
    /// or [−∞, −∞] (or NaN, with an infinite range). As for the RHS, 1e20 or more in size
    /// is infinite, so that the line is named rather than the solve finding the row invalid.
    private func checkRange(_ pair: Pair, row: Int) throws(MPSError) {
        let (lower, upper) = Self.rowBounds(rowKinds[row], rhs: rhs[row], range: pair.value)
        guard !(lower < InteriorPointSolver.infinite && upper > -InteriorPointSolver.infinite) else { return }
        let type = rowKinds[row] == .less ? "L" : "G"
        throw failure("a range on the \(type) row '\(string(pair.name))' leaves it no value, as its RHS is \(infinity(rhs[row], written: "\(rhs[row])")); a range needs a finite RHS")
    }

    private func boundEntry(_ fields: Fields) throws(MPSError) -> Entry {
        let type = string(fields[0])
        let kind: BoundKind
        switch type {
        case "UP", "UI": kind = .upper
        case "LO", "LI": kind = .lower
        case "FX": kind = .fixed
        case "FR": kind = .free
        case "MI": kind = .minusInfinity
        case "PL": kind = .plusInfinity
        case "BV": kind = .binary
        case "SC": throw failure("semi-continuous bounds (SC) are not supported")
        default: throw failure("unknown bound type '\(type)'; expected UP, LO, FX, FR, MI, PL, BV, LI or UI")
        }
        // UP, LO and FX take a value; FR, MI, PL and BV none, but may be given one.
        let takesValue = kind == .upper || kind == .lower || kind == .fixed
        // The fields of the set name, the column and the value, found before any is read:
        // a line of another set is ignored whatever it names.
        let setField: Range<Int>?, columnField: Range<Int>, valueField: Range<Int>?
        var setIsColumn = false
        switch (takesValue, fields.count) {
        case (true, 3):
            if columns.value(of: fields[1], in: bytes) == nil, columns.value(of: fields[2], in: bytes) != nil {
                throw failure("bound type \(type) needs a value after column '\(string(fields[2]))'")
            }
            (setField, columnField, valueField) = (nil, fields[1], fields[2])
        case (true, 4), (false, 4):
            (setField, columnField, valueField) = (fields[1], fields[2], fields[3])
        case (true, _):
            throw failure("bound type \(type) takes an optional set name, a column name and a value; this line has \(Self.count(fields))")
        case (false, 2):
            (setField, columnField, valueField) = (nil, fields[1], nil)
        case (false, 3):
            // A set and a column, or a column and a value that this type ignores. A known
            // column in field 3 makes field 2 the set, even when it names a column too (with
            // a warning); with neither field a known column, field 2 is the set when field 3 is
            // no number. A number there makes field 2 the column, so that ` FR X2TYPO 0` is an
            // unknown column, not a line of another set ignored.
            let firstIsColumn = columns.value(of: fields[1], in: bytes) != nil
            if columns.value(of: fields[2], in: bytes) != nil {
                (setField, columnField, valueField) = (fields[1], fields[2], nil)
                setIsColumn = firstIsColumn
            } else if !firstIsColumn, (try? number(fields[2], finite: false)) == nil {
                (setField, columnField, valueField) = (fields[1], fields[2], nil)
            } else {
                (setField, columnField, valueField) = (nil, fields[1], fields[2])
            }
        default:
            throw failure("bound type \(type) takes an optional set name and a column name; this line has \(Self.count(fields))")
        }
        // Not `setField.map(string)`: the method reference copies the parser, retaining
        // each of its arrays, which cost a 2030 dispatch LP's 157 000 bounds 50 ms.
        let set = if let setField { string(setField) } else { String?.none }
        if Self.isOther(set, used: boundSet) { return .otherSet }
        let column = try self.column(columnField)
        var value = 0.0
        // A value after FR, MI or PL, which take none, is warned of; one after BV is not, as
        // writers of BV often give one (1), which says nothing against [0, 1].
        var ignoredValue = false
        if let valueField {
            let read = try number(valueField, finite: false)
            if takesValue { value = read } else { ignoredValue = kind != .binary }
        }
        try checkBound(kind, value: value, fields: fields, column: column)
        if let first = boundLines[BoundKey(column: column, kind: kind)] {
            let what = kind == .upper ? "upper bound (\(type))" : kind == .lower ? "lower bound (\(type))" : "\(type) bound"
            throw failure("a second \(what) for column '\(columnNames[column])'; the first is on line \(first)")
        }
        let integer = type == "BV" || type == "LI" || type == "UI"
        return .bound(kind, set: set, column: column, value: value, integer: integer, ignoredValue: ignoredValue, setIsColumn: setIsColumn)
    }

    /// Refuses a bound that leaves a column no value: `UP` of −∞, `LO` of +∞, `FX` of
    /// either. A value of `InteriorPointSolver.infinite` (1e20) or more in size counts as
    /// infinite, as the solver reads it, so that `UP BND X -1e30` is an error with its line
    /// here rather than an invalid problem once the solve has begun.
    private func checkBound(_ kind: BoundKind, value: Double, fields: Fields, column: Int) throws(MPSError) {
        let infinite = abs(value) >= InteriorPointSolver.infinite
        switch kind {
        case .upper where value < 0 && infinite, .lower where value > 0 && infinite, .fixed where infinite:
            throw failure("bound type \(string(fields[0])) of \(infinity(value, written: string(fields[fields.count - 1]))) leaves column \(columnNames[column]) no value (MI and PL set an infinite bound)")
        default: break
        }
    }

    /// The optional set name and the row/value pairs of an RHS or RANGES line, or nil for
    /// an entry of a set other than `used`, whose rows and values are not read: it is
    /// ignored, and an unknown row or a bad value there must not stop the read.
    private func setAndPairs(_ fields: Fields, section: String, used: String?) throws(MPSError) -> (String?, Pairs)? {
        let set: String?
        switch fields.count {
        case 2 where (try? number(fields[1], finite: false)) == nil:
            // ` rhs r`: a set name and a row, the value left out, read as a row named `rhs`.
            throw failure("\(section) line holds an optional set name and one or two row/value pairs; this one has 2 fields and no value " +
                "('\(string(fields[1]))' is not a number)")
        case 2, 4: set = nil
        case 3, 5: set = string(fields[0])
        default: throw failure("\(section) line holds an optional set name and one or two row/value pairs; this one has \(Self.count(fields))")
        }
        if Self.isOther(set, used: used) { return nil }
        return (set, try pairs(fields, from: set == nil ? 0 : 1, finite: false))
    }

    /// Whether `set` is another set than `used`, the first named in its section.
    private static func isOther(_ set: String?, used: String?) -> Bool {
        if let set, let used { set != used } else { false }
    }

    /// The pairs in fields `start` and on, of which there are two or four.
    private func pairs(_ fields: Fields, from start: Int, finite: Bool) throws(MPSError) -> Pairs {
        var pairs = Pairs(first: try pair(fields, at: start, finite: finite))
        if fields.count == start + 4 { pairs.second = try pair(fields, at: start + 2, finite: finite) }
        return pairs
    }

    private func pair(_ fields: Fields, at index: Int, finite: Bool) throws(MPSError) -> Pair {
        Pair(row: try row(fields[index]), value: try number(fields[index + 1], finite: finite), name: fields[index], written: fields[index + 1])
    }

    // MARK: Applying entries

    private mutating func apply(_ entry: Entry) {
        switch entry {
        case .row(let kind, let name):
            guard let kind else {
                rows.insert(name, in: bytes, value: (objectiveName == nil ? RowReference.objective : .free).code)
                if objectiveName == nil { objectiveName = string(name) }
                return
            }
            rows.insert(name, in: bytes, value: RowReference.constraint(rowNames.count).code)
            rowNames.append(string(name))
            rowKinds.append(kind)
            rhs.append(0)
            rhsLine.append(0)
            ranges.append(nil)
            rangeLine.append(0)
            lastLineOfRow.append(0)
        case .column(let newColumn, let pairs):
            if let newColumn { openColumn(newColumn) }
            let column = columnNames.count - 1
            if newColumn != nil, inIntegerBlock { integerColumns.append((column, line)) }
            for pair in pairs {
                switch pair.row {
                case .objective:
                    objective[column] = pair.value
                    openColumnObjectiveLine = line
                case .constraint(let row):
                    lastLineOfRow[row] = line
                    if pair.value != 0 { pending.append((row, pair.value)) }
                case .free:
                    break
                }
            }
        case .rhs(let set, let pairs):
            if rhsSet == nil { rhsSet = set }
            for pair in pairs {
                switch pair.row {
                case .objective: (objectiveConstant, objectiveConstantLine) = (-pair.value, line)
                case .constraint(let row): (rhs[row], rhsLine[row]) = (pair.value, line)
                case .free:
                    let name = string(pair.name)
                    freeRowLines[.rhs, default: Tally()].note(line, subject: name)
                }
            }
        case .range(let set, let pairs):
            if rangeSet == nil { rangeSet = set }
            for pair in pairs {
                switch pair.row {
                case .objective:
                    let name = string(pair.name)
                    objectiveRangeLines.note(line, subject: name)
                case .constraint(let row): (ranges[row], rangeLine[row]) = (pair.value, line)
                case .free:
                    let name = string(pair.name)
                    freeRowLines[.ranges, default: Tally()].note(line, subject: name)
                }
            }
        case .bound(let kind, let set, let column, let value, let integer, let ignoredValue, let setIsColumn):
            if boundSet == nil { boundSet = set }
            if integer { integerLines.note(line) }
            if ignoredValue { ignoredValueLines.note(line, subject: kind.type) }
            if setIsColumn, let set {
                let name = columnNames[column]
                setIsColumnLines.note(line, subject: "here set '\(set)' and column '\(name)', where HiGHS bounds column '\(set)'; "
                    + "to leave no doubt, leave the set name out ('\(kind.type) \(name)', or '\(kind.type) \(set)' to bound '\(set)')")
            }
            setBound(kind, column: column, value: value)
        case .marker(let opens):
            integerLines.note(line)
            inIntegerBlock = opens
            if opens { integerBlockLine = line }
        case .otherSet:
            otherSetLines[section, default: Tally()].note(line)
        }
    }

    /// Sets a bound and keeps its line. A negative `UP` makes the column unbounded below
    /// only while no BOUNDS line has given it a lower bound; one that comes later sets it,
    /// so that `LO 0` means 0 before or after the `UP`, and a `PL` that removes the upper
    /// bound puts the lower back to 0: `UP -3` then `PL` is [0, +∞), not free.
    private mutating func setBound(_ kind: BoundKind, column j: Int, value: Double) {
        boundLines[BoundKey(column: j, kind: kind)] = line
        if kind.givesLower { conventionLines[j] = nil }
        switch kind {
        case .upper:
            // Looked up only for a negative UP: most UP bounds of a large file are positive.
            if value < 0, !BoundKind.allCases.contains(where: { $0.givesLower && boundLines[BoundKey(column: j, kind: $0)] != nil }) {
                (columnLower[j], conventionLines[j]) = (-.infinity, line)
            }
            columnUpper[j] = value
        case .lower: columnLower[j] = value
        case .fixed: (columnLower[j], columnUpper[j]) = (value, value)
        case .free: (columnLower[j], columnUpper[j]) = (-.infinity, .infinity)
        case .minusInfinity: columnLower[j] = -.infinity
        case .plusInfinity:
            // The −∞ lower bound that a negative UP implied goes with the UP bound.
            if conventionLines.removeValue(forKey: j) != nil { columnLower[j] = 0 }
            columnUpper[j] = .infinity
        case .binary: (columnLower[j], columnUpper[j]) = (0, 1)
        }
    }

    private mutating func openColumn(_ field: Range<Int>) {
        closeColumn()
        openColumnName = field
        columnFields.append(field)
        columnLines.append(line)
        columnNames.append(string(field))
        objective.append(0)
        columnLower.append(0)
        columnUpper.append(.infinity)
        (openColumnObjectiveLine, openColumnLine) = (0, line)
    }

    /// Closes the last column and makes the table of column names for BOUNDS. A column
    /// whose entries are not contiguous is found only here, which saves a table lookup per
    /// column while reading COLUMNS (the time goes into memory misses on a large table),
    /// at the price of reporting it after any later error in the section.
    private mutating func endColumns() throws(MPSError) {
        closeColumn()
        columns = MPSNameTable(minimumCapacity: columnFields.count)
        for (column, field) in columnFields.enumerated() where !columns.insert(field, in: bytes, value: column) {
            throw MPSError(
                file: file, line: columnLines[column],
                message: "column '\(string(field))' appears again after other columns; a column's entries must be contiguous")
        }
    }

    private mutating func closeColumn() {
        guard columnStarts.count == columnNames.count else { return }
        if !pending.isEmpty {
            if zip(pending, pending.dropFirst()).contains(where: { $0.row > $1.row }) { pending.sort { $0.row < $1.row } }
            for entry in pending {
                rowIndices.append(entry.row)
                values.append(entry.value)
            }
            pending.removeAll(keepingCapacity: true)
        }
        columnStarts.append(rowIndices.count)
    }

    /// An integer column between MARKER lines that no BOUNDS line names is binary, [0, 1]:
    /// so HiGHS and SAS read it, and MIPLIB's files mean it (some solvers read [0, +∞)).
    /// Any BOUNDS line for it, even one `LO`, leaves its other bound at the default.
    private mutating func boundIntegerColumns() {
        binaryColumns = integerColumns.filter { entry in !BoundKind.allCases.contains { boundLines[BoundKey(column: entry.column, kind: $0)] != nil } }
        for entry in binaryColumns { columnUpper[entry.column] = 1 }
    }

    /// The warnings, by line: lines read as the LP relaxation, entries of sets not used and
    /// set names that name columns too (counted, at the first of them), a negative `UP`
    /// that left its column unbounded below, a column whose bounds the BOUNDS lines left
    /// crossed, which the solver would report without a line, and `*STAGES` lines whose
    /// count does not match the rows or columns (whose stages are then dropped).
    private mutating func makeWarnings() {
        var found: [(line: Int, message: String)] = []
        if integerLines.count > 0 {
            found.append((integerLines.first, "\(integerLines.counted("line", "lines")) read as the LP relaxation: integrality (MARKER, BV, LI, UI) is ignored"))
        }
        if let first = binaryColumns.first {
            let what = binaryColumns.count == 1 ? "integer column '\(columnNames[first.column])', between MARKER lines, has"
                : "\(binaryColumns.count) integer columns between MARKER lines, the first here ('\(columnNames[first.column])'), have"
            found.append((first.line, "\(what) no bound in the BOUNDS set read: read as binary, [0, 1], as HiGHS and SAS read it and MIPLIB's "
                + "files mean it (some solvers read [0, +∞)): give it an UP bound to say otherwise"))
        }
        if inIntegerBlock {
            found.append((integerBlockLine, "this MARKER 'INTORG' has no 'INTEND': every column after it is read as an integer column"))
        }
        for case let (section, used?) in [(Section.rhs, rhsSet), (.ranges, rangeSet), (.bounds, boundSet)] {
            guard let tally = otherSetLines[section] else { continue }
            found.append((tally.first, "\(tally.counted("\(section.keyword) entry", "\(section.keyword) entries")) ignored: only the first set, '\(used)', is used"))
        }
        for (section, tally) in freeRowLines {
            let entries = tally.counted("\(section.keyword) entry", "\(section.keyword) entries on free rows")
            found.append((tally.first, "\(entries) ignored: '\(tally.subject)', an N row after the first, is a free row, which is dropped"))
        }
        if objectiveRangeLines.count > 0 {
            let entries = objectiveRangeLines.counted("RANGES entry", "RANGES entries")
            found.append((objectiveRangeLines.first, "\(entries) ignored: '\(objectiveRangeLines.subject)' is the objective row, which a range does not apply to"))
        }
        if ignoredValueLines.count > 0 {
            let values = ignoredValueLines.counted("value after \(ignoredValueLines.subject)", "values after FR, MI or PL")
            found.append((ignoredValueLines.first, "\(values) ignored: FR, MI and PL take no value"))
        }
        if setIsColumnLines.count > 0 {
            let lines = setIsColumnLines.counted("BOUNDS line", "BOUNDS lines")
            found.append((setIsColumnLines.first, "\(lines) read as a set and a column, though both fields name columns: \(setIsColumnLines.subject)"))
        }
        if let rowsWithoutObjective {
            found.append((rowsWithoutObjective, "ROWS has no N row: the objective is zero, so any feasible point is optimal"))
        }
        if afterEndLines.count > 0 {
            found.append((afterEndLines.first, "\(afterEndLines.counted("line after ENDATA", "lines after ENDATA")) ignored"))
        }
        if let stagesLine {
            for (kind, runs, count) in [("ROWS", rowRuns, rowNames.count), ("COLUMNS", columnRuns, columnNames.count)] {
                guard let runs, MPSStages.count(runs) != count else { continue }
                let noun = kind == "ROWS" ? "row" : "column", stages = MPSStages.count(runs).map(String.init) ?? "more"
                found.append((stagesLine, "the \(MPSStages.marker) \(kind) lines give \(stages) stages for \(count) \(noun)\(count == 1 ? "" : "s"): read without \(noun) stages"))
            }
        }
        for (column, line) in conventionLines {
            found.append((line, "this negative upper bound makes column '\(columnNames[column])' unbounded below (lower bound −∞, not 0), as no BOUNDS line gives it a lower bound; write MI to say so, or LO 0 to keep 0"))
        }
        for j in columnLower.indices where columnLower[j] > columnUpper[j] {
            // The line that set the column's last bound left them crossed: the default is [0, +∞).
            let line = BoundKind.allCases.compactMap { boundLines[BoundKey(column: j, kind: $0)] }.max()!
            found.append((line, "this line leaves column '\(columnNames[j])' with bounds [\(columnLower[j]), \(columnUpper[j])], the lower above the upper (the solve reports an invalid problem)"))
        }
        warnings = found.sorted { $0.line < $1.line }.map { MPSWarning(file: file, line: $0.line, message: $0.message) }
    }

    private func problem() -> LinearProgram {
        var rowLower: [Double] = [], rowUpper: [Double] = []
        rowLower.reserveCapacity(rowKinds.count)
        rowUpper.reserveCapacity(rowKinds.count)
        for row in rowKinds.indices {
            let (lower, upper) = Self.rowBounds(rowKinds[row], rhs: rhs[row], range: ranges[row])
            rowLower.append(lower)
            rowUpper.append(upper)
        }
        let matrix = SparseMatrix(
            rowCount: rowNames.count, columnCount: columnNames.count, columnStarts: columnStarts,
            rowIndices: rowIndices, values: values)
        return LinearProgram(
            name: name, sense: sense ?? .minimize, objective: objective, objectiveConstant: objectiveConstant ?? 0,
            matrix: matrix, rowLower: rowLower, rowUpper: rowUpper, columnLower: columnLower, columnUpper: columnUpper,
            rowNames: NameList(rowNames), columnNames: NameList(columnNames), objectiveName: objectiveName ?? "OBJ",
            rowStages: MPSStages.stages(rowRuns, count: rowNames.count), columnStages: MPSStages.stages(columnRuns, count: columnNames.count))
    }

    private static func rowBounds(_ kind: RowKind, rhs b: Double, range: Double?) -> (Double, Double) {
        switch (kind, range) {
        case (.equal, nil): (b, b)
        case (.equal, let r?): r < 0 ? (b - abs(r), b) : (b, b + abs(r))
        case (.less, nil): (-.infinity, b)
        case (.less, let r?): (b - abs(r), b)
        case (.greater, nil): (b, .infinity)
        case (.greater, let r?): (b, b + abs(r))
        }
    }

    // MARK: Fields

    /// Space, tab, the CR of a CRLF line end, and any other control character.
    private static func isBlank(_ byte: UInt8) -> Bool {
        byte <= UInt8(ascii: " ")
    }

    private func freeFields(_ range: Range<Int>) -> Fields {
        var fields = Fields()
        var index = range.lowerBound
        while index < range.upperBound {
            while index < range.upperBound, Self.isBlank(bytes[index]) { index += 1 }
            let start = index
            while index < range.upperBound, !Self.isBlank(bytes[index]) { index += 1 }
            if start < index { fields.append(start..<index) }
        }
        return fields
    }

    /// The non-empty fixed-format fields, trimmed, in order; an empty field (a left-out
    /// set name) is skipped, so the count tells which fields are there as in free format.
    private func fixedFields(_ range: Range<Int>) throws(MPSError) -> Fields {
        let base = range.lowerBound, length = range.count
        var fields = Fields()
        var gapStart = 0
        for field in Self.fixedFields {
            for offset in gapStart..<max(gapStart, min(field.lowerBound, length)) where !Self.isBlank(bytes[base + offset]) {
                throw overflow(range, at: offset) ?? failure("text in column \(offset + 1), outside the fixed-format fields")
            }
            var lower = base + min(field.lowerBound, length), upper = base + min(field.upperBound, length)
            while lower < upper, Self.isBlank(bytes[lower]) { lower += 1 }
            while upper > lower, Self.isBlank(bytes[upper - 1]) { upper -= 1 }
            if lower < upper { fields.append(lower..<upper) }
            gapStart = field.upperBound
        }
        if length > gapStart { throw overflow(range, at: gapStart) ?? failure("text after column \(gapStart), outside the fixed-format fields") }
        return fields
    }

    /// The error for text at `offset` that runs on from the field before it, such as a
    /// name of more than 8 characters, or nil for text that stands apart: "text in column
    /// 13" would hide that the name is too long. A tab before it is the likelier cause,
    /// which `fixedEntry` names.
    private func overflow(_ range: Range<Int>, at offset: Int) -> MPSError? {
        let base = range.lowerBound
        guard let field = Self.fixedFields.first(where: { $0.upperBound == offset }), offset < range.count,
              !Self.isBlank(bytes[base + offset]), !Self.isBlank(bytes[base + offset - 1]),
              !bytes[base..<base + offset].contains(UInt8(ascii: "\t")) else { return nil }
        var start = base + field.lowerBound, end = base + offset
        while Self.isBlank(bytes[start]) { start += 1 }
        while end < range.upperBound, !Self.isBlank(bytes[end]) { end += 1 }
        return failure("'\(string(start..<end))' runs past column \(offset), the end of its field (columns \(field.lowerBound + 1)–\(offset)): a fixed-format field holds \(field.count) characters")
    }

    /// "1 field", "3 fields", for messages.
    private static func count(_ fields: Fields) -> String {
        fields.count == 1 ? "1 field" : "\(fields.count) fields"
    }

    private func string(_ field: Range<Int>) -> String {
        String(decoding: bytes[field], as: UTF8.self)
    }

    private func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        var offset = 0
        while offset < a.count, bytes[a.lowerBound + offset] == bytes[b.lowerBound + offset] { offset += 1 }
        return offset == a.count
    }

    private func matches(_ field: Range<Int>, _ text: String) -> Bool {
        bytes[field].elementsEqual(text.utf8)
    }

    /// A decimal number (digits, a point, an exponent after E or D), or where `finite` is
    /// false also `inf` or `infinity` with an optional sign (any case). Hexadecimal and
    /// `nan`, which the C library would read, are refused, and so is a number beyond ±1.8e308.
    private func number(_ field: Range<Int>, finite: Bool) throws(MPSError) -> Double {
        if let value = MPSNumber.parse(bytes, field) { return value }
        let text = string(field)
        let unsigned = text.drop { $0 == "+" || $0 == "-" }.lowercased()
        if unsigned == "inf" || unsigned == "infinity", text.count - unsigned.count <= 1 {
            guard !finite else { throw failure("'\(text)' is not a finite number") }
            return text.hasPrefix("-") ? -.infinity : .infinity
        }
        // Fortran's D exponent (`1d3`) is read as E, as HiGHS reads it; the C library knows only E.
        let exponent = String(text.map { $0 == "d" || $0 == "D" ? "e" : $0 })
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eEdD".contains($0)) }), let value = Double(exponent) else {
            throw failure("'\(text)' is not a number")
        }
        guard value.isFinite else { throw failure("'\(text)' is beyond the range of a double (±1.8e308)") }
        return value
    }

    private func row(_ field: Range<Int>) throws(MPSError) -> RowReference {
        guard let code = rows.value(of: field, in: bytes) else { throw failure("unknown row '\(string(field))'") }
        return RowReference(code: code)
    }

    private func column(_ field: Range<Int>) throws(MPSError) -> Int {
        guard let column = columns.value(of: field, in: bytes) else { throw failure("unknown column '\(string(field))'") }
        return column
    }

    private func failure(_ message: String) -> MPSError {
        MPSError(file: file, line: line, message: message)
    }
}
