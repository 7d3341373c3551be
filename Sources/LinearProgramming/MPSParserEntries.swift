import Foundation

/// Each section's data lines checked into an `MPSParser.Entry`, without changing the
/// problem: a line that fails can be read a second way (`.automatic`).
extension MPSParser {
    func rowEntry(_ fields: Fields) throws(MPSError) -> Entry {
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

    func columnEntry(_ fields: Fields) throws(MPSError) -> Entry {
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
        let pairs = try pairs(fields, from: 1, finite: true, guesses: rowGuesses(newColumn: isNew))
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
            if pair.row != .free, abs(pair.value) >= InteriorPointSolver.infinite {
                let what = pair.row == .objective ? "cost" : "coefficient"
                throw failure("the \(what) \(string(pair.written)) for row '\(string(pair.name))' is 1e20 or more in size, which capsim, as other MPS readers, "
                    + "reads as infinite in bounds and right-hand sides; a \(what) must be finite, below 1e20")
            }
            if case .constraint = pair.row, pair.value != 0 ? abs(pair.value) < Self.smallestCoefficient : hasNonzeroDigit(pair.written) {
                throw failure("the coefficient \(string(pair.written)) for row '\(string(pair.name))' is below 1e-100 in size; expected 0 or at least 1e-100")
            }
        }
        return .column(newColumn: isNew ? fields[0] : nil, pairs)
    }

    func rhsEntry(_ fields: Fields) throws(MPSError) -> Entry {
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
    func checkRHS(_ pair: Pair, row: Int) throws(MPSError) {
        guard abs(pair.value) >= InteriorPointSolver.infinite else { return }
        let kind = rowKinds[row]
        guard kind == .equal || (kind == .less) == (pair.value < 0) else { return }
        let type = kind == .equal ? "E" : kind == .less ? "L" : "G"
        throw failure("an RHS of \(infinity(pair.value, written: string(pair.written))) leaves the \(type) row '\(string(pair.name))' no value")
    }

    /// An infinite bound or RHS as a message shows it: `−∞`, or the value as written with
    /// what the solver takes it for (`-1e30 (−∞: 1e20 or more in size is infinite)`).
    func infinity(_ value: Double, written: String) -> String {
        let sign = value < 0 ? "−∞" : "+∞"
        return value.isInfinite ? sign : "\(written) (\(sign): 1e20 or more in size is infinite)"
    }

    func rangeEntry(_ fields: Fields) throws(MPSError) -> Entry {
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
    func checkRange(_ pair: Pair, row: Int) throws(MPSError) {
        let (lower, upper) = Self.rowBounds(rowKinds[row], rhs: rhs[row], range: pair.value)
        guard !(lower < InteriorPointSolver.infinite && upper > -InteriorPointSolver.infinite) else { return }
        let type = rowKinds[row] == .less ? "L" : "G"
        throw failure("a range on the \(type) row '\(string(pair.name))' leaves it no value, as its RHS is \(infinity(rhs[row], written: "\(rhs[row])")); a range needs a finite RHS")
    }

    func boundEntry(_ fields: Fields) throws(MPSError) -> Entry {
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
    func checkBound(_ kind: BoundKind, value: Double, fields: Fields, column: Int) throws(MPSError) {
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
    func setAndPairs(_ fields: Fields, section: String, used: String?) throws(MPSError) -> (String?, Pairs)? {
        let set: String?
        switch fields.count {
        case 2 where (try? number(fields[1], finite: false)) == nil:
            // ` rhs r`: a set name and a row, the value left out, read as a row named `rhs`.
            throw failure("\(section) line holds an optional set name and one or two row/value pairs; this one has 2 fields and no value " +
                "('\(string(fields[1]))' is not a number)")
        case 4 where (try? row(fields[0])) == nil && (try? row(fields[1])) != nil:
            // ` rhs r 5 junk`: a set name, a pair and a stray field, which four fields would
            // read as two pairs, the first on a row named `rhs`.
            throw failure("\(section) line holds an optional set name and one or two row/value pairs; this one has 4 fields, a set name "
                + "'\(string(fields[0]))', a pair and '\(string(fields[3]))' left over")
        case 2, 4: set = nil
        case 3, 5: set = string(fields[0])
        default: throw failure("\(section) line holds an optional set name and one or two row/value pairs; this one has \(Self.count(fields))")
        }
        if Self.isOther(set, used: used) { return nil }
        return (set, try pairs(fields, from: set == nil ? 0 : 1, finite: false))
    }

    /// Whether `set` is another set than `used`, the first named in its section.
    static func isOther(_ set: String?, used: String?) -> Bool {
        if let set, let used { set != used } else { false }
    }

    /// The one or two pairs in fields `start` and on, of which there are two or four;
    /// `guesses` are rows to compare their names with first (`row(_:guess:)`).
    func pairs(_ fields: Fields, from start: Int, finite: Bool, guesses: (Int, Int) = (-1, -1)) throws(MPSError) -> Pairs {
        var pairs = Pairs(first: try pair(fields, at: start, finite: finite, guess: guesses.0))
        if fields.count == start + 4 { pairs.second = try pair(fields, at: start + 2, finite: finite, guess: guesses.1) }
        return pairs
    }

    func pair(_ fields: Fields, at index: Int, finite: Bool, guess: Int) throws(MPSError) -> Pair {
        Pair(row: try row(fields[index], guess: guess), value: try number(fields[index + 1], finite: finite), name: fields[index], written: fields[index + 1])
    }

    /// The rows a COLUMNS line's pairs most likely name: one after the rows at the same
    /// places in the column before. Writers put a model's rows and columns in the same
    /// order of their index (an hour, say), so column p_t+1 meets balance_t+1 where p_t met
    /// balance_t; a wrong guess costs one comparison of a name.
    func rowGuesses(newColumn: Bool) -> (Int, Int) {
        let (before, start) = newColumn ? (openColumnRows, 0) : (previousColumnRows, openColumnRows.count)
        func guess(_ place: Int) -> Int { place < before.count && before[place] >= 0 ? before[place] + 1 : -1 }
        return (guess(start), guess(start + 1))
    }
}
