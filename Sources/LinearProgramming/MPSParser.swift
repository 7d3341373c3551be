import Foundation

/// One reading of MPS text: the problem so far and the line being read. Each data line
/// is first checked into an `Entry` without changing anything, so that `.automatic` can
/// try a second reading of a line that fails, and then applied. It reads the text in
/// place, as byte ranges into `bytes`, which must outlive it.
struct MPSParser {
    /// The smallest size of a nonzero matrix coefficient. Anything smaller is almost surely
    /// a damaged number, and the solver's scaling cannot take it: 1e-320, a subnormal,
    /// has a reciprocal beyond the range of a double and made the solve end in NaN.
    static let smallestCoefficient = 1e-100
    /// Sections of MPS extensions beyond linear programs (CPLEX, Gurobi, HiGHS), by
    /// keyword, with what they hold.
    static let unsupportedSections: [String: String] = [
        "QUADOBJ": "a quadratic objective", "QMATRIX": "a quadratic objective", "QSECTION": "a quadratic objective",
        "QCMATRIX": "a quadratic constraint", "CSECTION": "a conic constraint", "SOS": "special ordered sets",
        "INDICATORS": "indicator constraints", "GENCONS": "general constraints", "PWLOBJ": "a piecewise-linear objective",
    ]
    /// The words OBJSENSE takes, in any case.
    static let senses: Set<String> = ["MAX", "MAXIMIZE", "MIN", "MINIMIZE"]

    /// The fixed-format fields as 0-based byte offsets.
    static let fixedFields = [1..<3, 4..<12, 14..<22, 24..<36, 39..<47, 49..<61]

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let format: MPSFormat
    var line = 0
    var section = Section.none
    /// The line of the current section's header, which an OBJSENSE without a sense and a
    /// ROWS without an N row are named by.
    var sectionLine = 0
    var sawRows = false, sawColumns = false
    /// In `.automatic`, set once a line has been read by the fixed columns: the file is
    /// fixed-format, and they are tried first from then on.
    var readsFixedFirst = false

    var name = ""
    var sense: LinearProgram.Sense?
    var objectiveName: String?
    var objectiveConstant: Double?
    /// The line of the objective row's RHS (its constant), 0 until given.
    var objectiveConstantLine = 0
    var rows = MPSNameTable(minimumCapacity: 0)
    var rowNames: [String] = []
    var rowKinds: [RowKind] = []
    var rhs: [Double] = []
    /// The line of each row's RHS value and range, 0 until given, to name the first when
    /// one is given twice.
    var rhsLine: [Int] = []
    var ranges: [Double?] = []
    var rangeLine: [Int] = []
    var rhsSet: String?
    var rangeSet: String?
    var boundSet: String?
    /// The line of each column's bound of each kind.
    var boundLines = BoundLines()
    /// The column of the last BOUNDS line read (`column(_:)` tries it and the next first).
    var lastBoundColumn = 0
    /// The line of a negative `UP` that made its column unbounded below, for a column that
    /// no BOUNDS line has given a lower bound (yet: a later one takes the entry out).
    var conventionLines: [Int: Int] = [:]
    /// By column, the sides (1 lower, 2 upper) a BOUNDS line has set to a finite value,
    /// and the lines that changed such a bound set by a line of another type.
    var boundedSides: [UInt8] = []
    var replacedBoundLines = Tally()
    /// MARKER, BV, LI and UI lines, read as the LP relaxation.
    var integerLines = Tally()
    /// Between a MARKER INTORG and its INTEND, and the columns opened there, with the line
    /// of each one's first entry.
    var inIntegerBlock = false, integerBlockLine = 0
    var integerColumns: [(column: Int, line: Int)] = []
    /// Those of them that no BOUNDS line names, read as binary.
    var binaryColumns: [(column: Int, line: Int)] = []
    /// By section, the entries of sets other than the one used.
    var otherSetLines: [Section: Tally] = [:]
    /// By section (RHS, RANGES), the entries on free N rows, which are dropped.
    var freeRowLines: [Section: Tally] = [:]
    /// RANGES entries on the objective row, which a range does not apply to.
    var objectiveRangeLines = Tally()
    /// FR, MI and PL lines with a value, which they take none of.
    var ignoredValueLines = Tally()
    /// FR, MI, PL and BV lines of three fields that are both columns' names, read as a set
    /// and a column where HiGHS reads a column and a value; the subject is the first one's
    /// reading and how to write it without doubt.
    var setIsColumnLines = Tally()
    /// Lines with text after ENDATA.
    var afterEndLines = Tally()
    /// The line of the ROWS header when ROWS has no N row: the objective is then zero.
    var rowsWithoutObjective: Int?
    /// What is read but perhaps not as the writer meant, made once the file has been read.
    var warnings: [MPSWarning] = []
    /// The runs of `*STAGES` comment lines (`MPSStages`), by kind, and the first such
    /// line; made into stages only when a kind's count is the rows' or columns'.
    var rowRuns: [MPSStages.Run]?, columnRuns: [MPSStages.Run]?, stagesLine: Int?

    /// Where each constraint row's name was written in ROWS, by row.
    var rowFields: [Range<Int>] = []
    /// The rows (`RowReference.code`) of the open column's entries so far, and of the
    /// column before it, in the order written: `columnEntry` guesses a row from them.
    var openColumnRows: [Int] = [], previousColumnRows: [Int] = []
    /// The column names, made when COLUMNS ends.
    var columns = MPSNameTable(minimumCapacity: 0)
    /// Where each column's name was first written, and on which line.
    var columnFields: [Range<Int>] = []
    var columnLines: [Int] = []
    var columnNames: [String] = []
    var objective: [Double] = []
    var columnLower: [Double] = []
    var columnUpper: [Double] = []
    /// The matrix in compressed column form; a column is open while
    /// `columnStarts.count == columnNames.count`.
    var columnStarts = [0]
    var rowIndices: [Int] = []
    var values: [Double] = []
    /// The open column's entries, sorted by row when it closes.
    var pending: [(row: Int, value: Double)] = []
    /// For each row, the line of its last entry in COLUMNS (0 for none), to catch an entry
    /// given twice and name the first: a column's lines are contiguous, so an entry of the
    /// open column is one on its first line or later. A line rather than a column costs
    /// nothing more per entry and says where the first entry is.
    var lastLineOfRow: [Int] = []
    /// The line of the open column's objective entry, 0 for none.
    var openColumnObjectiveLine = 0
    /// The line where the open column's entries start.
    var openColumnLine = 0
    /// Where the open column's name was last written, to tell cheaply whether a line continues it.
    var openColumnName: Range<Int>?

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
    func lineEnd(from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
        let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
        guard let found = memchr(base + start, Int32(UInt8(ascii: "\r")), end - start) else { return end }
        let cr = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        return cr + 1 == end && newline != nil ? end : cr
    }

    mutating func readLine(_ range: Range<Int>) throws(MPSError) {
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
    mutating func readStages(_ range: Range<Int>) throws(MPSError) {
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

    mutating func readHeader(_ range: Range<Int>) throws(MPSError) {
        let words = freeFields(range)
        let keyword = string(words[0])
        // The sense on the line after OBJSENSE, written from its first column.
        if section == .objsense, sense == nil, words.count == 1, Self.senses.contains(keyword.uppercased()) { return try setSense(words[0]) }
        guard let next = Section(keyword: keyword) else {
            if let what = Self.unsupportedSections[keyword.uppercased()] {
                throw failure("the \(keyword.uppercased()) section (\(what)) is not supported: capsim solves linear programs, so an MPS file it reads has only NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES and BOUNDS")
            }
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
    func headerLine(of wanted: Section, after start: Int) -> Int? {
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

    mutating func readData(_ range: Range<Int>) throws(MPSError) {
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
    func hasNonzeroDigit(_ field: Range<Int>) -> Bool {
        for index in field {
            switch bytes[index] {
            case UInt8(ascii: "1")...UInt8(ascii: "9"): return true
            case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "d"), UInt8(ascii: "D"): return false
            default: continue
            }
        }
        return false
    }

    mutating func setSense(_ word: Range<Int>) throws(MPSError) {
        guard sense == nil else { throw failure("the objective sense is given twice") }
        switch string(word).uppercased() {
        case "MAX", "MAXIMIZE": sense = .maximize
        case "MIN", "MINIMIZE": sense = .minimize
        case let other: throw failure("unknown objective sense '\(other)'; expected MAX, MAXIMIZE, MIN or MINIMIZE")
        }
    }

    /// A data line checked into an `Entry`, noting when `.automatic` finds the file to be
    /// fixed-format.
    mutating func entry(_ range: Range<Int>) throws(MPSError) -> Entry {
        let (entry, fixedFound) = try reading(range)
        if fixedFound { readsFixedFirst = true }
        return entry
    }

    /// The reading of a data line, and whether it found the file to be fixed-format. It
    /// changes nothing, and neither does anything it calls: a mutating method that calls a
    /// non-mutating one hands it a copy of the parser, some 700 bytes, and `entry` made
    /// four such calls a line (an eighth of the time to read a large file).
    func reading(_ range: Range<Int>) throws(MPSError) -> (Entry, fixedFound: Bool) {
        do throws(MPSError) {
            return switch format {
            case .free: (try entry(fields: dataFields(range)), false)
            case .fixed: (try fixedEntry(range), false)
            case .automatic: try automaticEntry(range)
            }
        } catch {
            throw explainingComment(error, range)
        }
    }

    /// A line read by the fixed columns. A tab there counts as one column, not as the
    /// spaces an editor shows, so what follows it is out of place and the line fails as
    /// something else (text outside the fields, an unknown name): the error says so.
    func fixedEntry(_ range: Range<Int>) throws(MPSError) -> Entry {
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
    func automaticEntry(_ range: Range<Int>) throws(MPSError) -> (Entry, fixedFound: Bool) {
        do throws(MPSError) {
            return (try readsFixedFirst ? fixedEntry(range) : entry(fields: dataFields(range)), false)
        } catch {
            let free = dataFields(range), fixed = try? fixedFields(range)
            // In a file known to be fixed-format, a line whose fixed fields were read but
            // name something unknown is wrong as written; its free reading would split a
            // name at its space and name something else (` FR BND       X 1` made `X` free).
            if readsFixedFirst, fixed != nil { throw error }
            guard fixed != free, let other = readsFixedFirst ? free : fixed, let entry = try? entry(fields: other) else { throw error }
            return (entry, true)
        }
    }

    func entry(fields: Fields) throws(MPSError) -> Entry {
        switch section {
        case .rows: try rowEntry(fields)
        case .columns: try columnEntry(fields)
        case .rhs: try rhsEntry(fields)
        case .ranges: try rangeEntry(fields)
        default: try boundEntry(fields)
        }
    }

}
