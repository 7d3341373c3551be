import Foundation

/// Checked entries applied to the problem being read, the warnings made once the file
/// has been read, and the `LinearProgram` made from it.
extension MPSParser {
    mutating func apply(_ entry: Entry) {
        switch entry {
        case .row(let kind, let name):
            guard let kind else {
                rows.insert(name, in: bytes, value: (objectiveName == nil ? RowReference.objective : .free).code)
                if objectiveName == nil { objectiveName = string(name) }
                return
            }
            rows.insert(name, in: bytes, value: RowReference.constraint(rowNames.count).code)
            rowFields.append(name)
            rowNames.append(string(name))
            rowKinds.append(kind)
            rhs.append(0)
            rhsLine.append(0)
            ranges.append(nil)
            rangeLine.append(0)
            lastLineOfRow.append(0)
        case .column(let newColumn, let pairs):
            if let newColumn {
                openColumn(newColumn)
                swap(&openColumnRows, &previousColumnRows)
                openColumnRows.removeAll(keepingCapacity: true)
            }
            let column = columnNames.count - 1
            if newColumn != nil, inIntegerBlock { integerColumns.append((column, line)) }
            for pair in pairs {
                openColumnRows.append(pair.row.code)
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
            lastBoundColumn = column
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
    mutating func setBound(_ kind: BoundKind, column j: Int, value: Double) {
        noteReplacedBounds(kind, column: j, value: value)
        boundLines[BoundKey(column: j, kind: kind)] = line
        if kind.givesLower { conventionLines[j] = nil }
        // Looked up only for a negative UP: most UP bounds of a large file are positive.
        if kind == .upper, value < 0, !BoundKind.allCases.contains(where: { $0.givesLower && boundLines[BoundKey(column: j, kind: $0)] != nil }) {
            (columnLower[j], conventionLines[j]) = (-.infinity, line)
        }
        // The −∞ lower bound that a negative UP implied goes with the UP bound.
        if kind == .plusInfinity, conventionLines.removeValue(forKey: j) != nil { columnLower[j] = 0 }
        let sides = kind.sides(value)
        if let lower = sides.lower { columnLower[j] = lower }
        if let upper = sides.upper { columnUpper[j] = upper }
    }

    /// Notes a BOUNDS line that changes a finite bound an earlier line of another type set
    /// (a second line of the same type is an error): `FX 2` then `LO 1` leaves [1, 2], and
    /// `LO 1` then `MI` a column free, as the lines apply in order, but a fixed column
    /// unfixed or a bound dropped by a later line is more often a slip than a wish. A side
    /// counts only once a line has set it to a finite value (`boundedSides`), so the
    /// common files, with one line a side, look nothing up.
    mutating func noteReplacedBounds(_ kind: BoundKind, column j: Int, value: Double) {
        if boundedSides.isEmpty { boundedSides = [UInt8](repeating: 0, count: columnNames.count) }
        let sides = kind.sides(value)
        let replaced = sides.lower.flatMap { replacement(of: kind, column: j, lower: true, by: $0) }
            ?? sides.upper.flatMap { replacement(of: kind, column: j, lower: false, by: $0) }
        if let replaced { replacedBoundLines.note(line, subject: replaced) }
        if let lower = sides.lower { boundedSides[j] = lower.isFinite ? boundedSides[j] | 1 : boundedSides[j] & ~1 }
        if let upper = sides.upper { boundedSides[j] = upper.isFinite ? boundedSides[j] | 2 : boundedSides[j] & ~2 }
    }

    /// What a line of `kind` that sets column j's lower (or upper) bound to `new` replaces:
    /// a different finite bound that the latest line of another type set, as the warning
    /// says it; nil when the side holds no such bound.
    func replacement(of kind: BoundKind, column j: Int, lower: Bool, by new: Double) -> String? {
        let current = lower ? columnLower[j] : columnUpper[j]
        guard boundedSides[j] & (lower ? 1 : 2) != 0, new != current else { return nil }
        var earlier: (kind: BoundKind, line: Int)?
        for other in BoundKind.allCases where other != kind && (lower ? other.sides(0).lower : other.sides(0).upper) != nil {
            guard let at = boundLines[BoundKey(column: j, kind: other)], at > earlier?.line ?? 0 else { continue }
            earlier = (other, at)
        }
        guard let earlier else { return nil }
        return "column '\(columnNames[j])' had the \(lower ? "lower" : "upper") bound \(Self.boundText(current)) from \(earlier.kind.type) "
            + "on line \(earlier.line), which this \(kind.type) makes \(Self.boundText(new))"
    }

    /// A bound as a warning writes it: −∞ and +∞ for the infinite ones.
    static func boundText(_ value: Double) -> String {
        value.isInfinite ? (value < 0 ? "−∞" : "+∞") : "\(value)"
    }

    mutating func openColumn(_ field: Range<Int>) {
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
    mutating func endColumns() throws(MPSError) {
        closeColumn()
        columns = MPSNameTable(minimumCapacity: columnFields.count)
        for (column, field) in columnFields.enumerated() where !columns.insert(field, in: bytes, value: column) {
            throw MPSError(
                file: file, line: columnLines[column],
                message: "column '\(string(field))' appears again after other columns; a column's entries must be contiguous")
        }
    }

    mutating func closeColumn() {
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
    mutating func boundIntegerColumns() {
        binaryColumns = integerColumns.filter { entry in !BoundKind.allCases.contains { boundLines[BoundKey(column: entry.column, kind: $0)] != nil } }
        for entry in binaryColumns { columnUpper[entry.column] = 1 }
    }

    /// The warnings, by line: lines read as the LP relaxation, entries of sets not used and
    /// set names that name columns too (counted, at the first of them), a negative `UP`
    /// that left its column unbounded below, a column whose bounds the BOUNDS lines left
    /// crossed, which the solver would report without a line, and `*STAGES` lines whose
    /// count does not match the rows or columns (whose stages are then dropped).
    mutating func makeWarnings() {
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
        if replacedBoundLines.count > 0 {
            let lines = replacedBoundLines.counted("BOUNDS line", "BOUNDS lines")
            found.append((replacedBoundLines.first, "\(lines) read after a line of another type that set the same bound: BOUNDS lines "
                + "apply in order, so the later one holds — \(replacedBoundLines.subject); if that is not what was meant, keep only the right line"))
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

    func problem() -> LinearProgram {
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

    static func rowBounds(_ kind: RowKind, rhs b: Double, range: Double?) -> (Double, Double) {
        switch (kind, range) {
        case (.equal, nil): (b, b)
        case (.equal, let r?): r < 0 ? (b - abs(r), b) : (b, b + abs(r))
        case (.less, nil): (-.infinity, b)
        case (.less, let r?): (b - abs(r), b)
        case (.greater, nil): (b, .infinity)
        case (.greater, let r?): (b, b + abs(r))
        }
    }
}
