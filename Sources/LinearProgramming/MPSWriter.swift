/// Writes a linear program as free-format MPS that `MPSReader` reads back to an equal
/// problem (with the exceptions below).
///
/// - Rows: `E` when both bounds are equal, `L` with RHS = upper or `G` with RHS = lower
///   when one bound is infinite, and a free row as `L` with RHS `inf` (an `N` row would be
///   read as dropped). A range row is written as `L` with RHS = upper or `G` with RHS =
///   lower, whichever gives back the other bound exactly from R = upper − lower. When
///   neither does, the upper bound reads back off by at most half a unit in the last place
///   of upper − lower. That happens when the difference needs more bits than a double has,
///   as for [−3, 1.1], and cannot be avoided: the MPS standard defines a range only as
///   RHS ± |R|.
/// - Columns: `FX`, `FR`, `UP` then `MI` or `LO`. `LO` is also written when the lower
///   bound is 0 and the upper negative, because a negative `UP` alone means a lower bound
///   of −∞.
/// - The objective constant c is written as the objective row's RHS −c, and maximising
///   as `OBJSENSE` with `MAX` on the next line.
/// - Numbers are Swift's shortest round-trip form (`description`); RHS and zero entries are
///   left out, and a column with no entries gets an explicit zero objective entry so it
///   still appears.
/// - Names: each whitespace or control character becomes `_` (in the problem's name, which
///   NAME takes whole, a space stays but is dropped at either end), an empty row or column
///   name becomes `OBJ`, `R<i>` or `C<j>`, and a name already taken (rows share their
///   namespace with the objective) gets the first free suffix `_2`, `_3`, …, so the file
///   always reads. Names are otherwise written as they are.
/// - Stages are not part of MPS: they are written as `*STAGES` comment lines
///   (`MPSStages`), which other readers skip and this one reads. Explicit zeros in the
///   matrix are not written.
///
/// The problem should be consistent (`inconsistency() == nil`). One that the reader would
/// still refuse (a lower bound of 1e20, a coefficient of 1e-320) is refused with an
/// `MPSWriteError` that names the row or column and the value.
public enum MPSWriter {
    /// `comments` go first, each a line of its own after `*` (MPS's comment mark): what
    /// made the file, which a reader skips.
    public static func text(_ lp: LinearProgram, comments: [String] = []) throws(MPSWriteError) -> String {
        let rowNames = fieldNames([lp.objectiveName] + Array(lp.rowNames)) { $0 == 0 ? "OBJ" : "R\($0 - 1)" }
        let objectiveName = rowNames[0]
        let columnNames = fieldNames(Array(lp.columnNames)) { "C\($0)" }
        if let problem = unreadable(lp, rowNames: Array(rowNames.dropFirst()), columnNames: columnNames) { throw MPSWriteError(message: problem) }
        let rows = (0..<lp.rowCount).map { row(lower: lp.rowLower[$0], upper: lp.rowUpper[$0]) }

        let name = problemName(lp.name)
        var text = comments.map { "* \($0.split(whereSeparator: \.isNewline).joined(separator: " "))\n" }.joined()
        for (kind, stages) in [("ROWS", lp.rowStages), ("COLUMNS", lp.columnStages)] {
            if let stages { text += MPSStages.lines(kind, stages).map { $0 + "\n" }.joined() }
        }
        text += name.isEmpty ? "NAME\n" : "NAME \(name)\n"
        if lp.sense == .maximize { text += "OBJSENSE\n    MAX\n" }
        text += "ROWS\n N  \(objectiveName)\n"
        for (index, row) in rows.enumerated() { text += " \(row.type)  \(rowNames[index + 1])\n" }

        text += "COLUMNS\n"
        let matrix = lp.matrix
        for j in 0..<lp.columnCount {
            let column = columnNames[j]
            let entries = (matrix.columnStarts[j]..<matrix.columnStarts[j + 1]).filter { matrix.values[$0] != 0 }
            if lp.objective[j] != 0 || entries.isEmpty { text += "    \(column)  \(objectiveName)  \(lp.objective[j])\n" }
            for k in entries { text += "    \(column)  \(rowNames[matrix.rowIndices[k] + 1])  \(matrix.values[k])\n" }
        }

        text += "RHS\n"
        if lp.objectiveConstant != 0 { text += "    RHS  \(objectiveName)  \(-lp.objectiveConstant)\n" }
        for (index, row) in rows.enumerated() where row.rhs != 0 { text += "    RHS  \(rowNames[index + 1])  \(row.rhs)\n" }

        if rows.contains(where: { $0.range != nil }) {
            text += "RANGES\n"
            for (index, row) in rows.enumerated() {
                if let range = row.range { text += "    RNG  \(rowNames[index + 1])  \(range)\n" }
            }
        }

        let boundLines = (0..<lp.columnCount).flatMap { j in
            bounds(lower: lp.columnLower[j], upper: lp.columnUpper[j]).map { " \($0.type) BND  \(columnNames[j])\($0.value.map { "  \($0)" } ?? "")\n" }
        }
        if !boundLines.isEmpty { text += "BOUNDS\n" + boundLines.joined() }
        text += "ENDATA\n"
        return text
    }

    /// What in a consistent problem the reader would refuse, by the names written: a bound
    /// of 1e20 or more in size on the side where, taken as infinite (as the reader and the
    /// solver take it), it leaves its row or column no value (a lower bound of 1e20, an
    /// upper of −1e20), or a nonzero matrix coefficient below 1e-100 in size. The problem
    /// is refused rather than the reader made to accept it: the solver cannot solve it
    /// either (it reads the bound as infinite; so small a coefficient broke its scaling),
    /// and writing the bound as infinite or dropping the coefficient would write another
    /// problem.
    private static func unreadable(_ lp: LinearProgram, rowNames: [String], columnNames: [String]) -> String? {
        let infinite = InteriorPointSolver.infinite
        for (kind, names, lower, upper) in [("row", rowNames, lp.rowLower, lp.rowUpper), ("column", columnNames, lp.columnLower, lp.columnUpper)] {
            for index in names.indices where lower[index] >= infinite || upper[index] <= -infinite {
                let (side, value) = lower[index] >= infinite ? ("lower", lower[index]) : ("upper", upper[index])
                return "\(kind) '\(names[index])' has the \(side) bound \(value), which the reader refuses: 1e20 or more in size is infinite, "
                    + "and \(value < 0 ? "−∞" : "+∞") as the \(side) bound leaves the \(kind) no value"
            }
        }
        let matrix = lp.matrix
        for j in 0..<lp.columnCount {
            for k in matrix.columnStarts[j]..<matrix.columnStarts[j + 1] where matrix.values[k] != 0 && abs(matrix.values[k]) < MPSParser.smallestCoefficient {
                return "the coefficient \(matrix.values[k]) of column '\(columnNames[j])' in row '\(rowNames[matrix.rowIndices[k]])' is below 1e-100 in size, "
                    + "which the reader refuses (expected 0 or at least 1e-100)"
            }
        }
        return nil
    }

    /// The row type, RHS and range that give the bounds [lower, upper] back.
    private static func row(lower: Double, upper: Double) -> (type: String, rhs: Double, range: Double?) {
        if lower == upper { return ("E", lower, nil) }
        if lower == -.infinity { return ("L", upper, nil) }
        if upper == .infinity { return ("G", lower, nil) }
        let width = upper - lower
        return upper - width == lower ? ("L", upper, width) : ("G", lower, width)
    }

    /// The bound lines for a column, in the order they must be read.
    private static func bounds(lower: Double, upper: Double) -> [(type: String, value: Double?)] {
        if lower == upper { return [("FX", lower)] }
        if lower == -.infinity, upper == .infinity { return [("FR", nil)] }
        var lines: [(type: String, value: Double?)] = []
        if upper != .infinity { lines.append(("UP", upper)) }
        if lower == -.infinity {
            lines.append(("MI", nil))
        } else if lower != 0 || upper < 0 {
            lines.append(("LO", lower))
        }
        return lines
    }

    /// A name as a free-format field: whitespace and control characters, which the reader
    /// takes as separators, become `_`.
    private static func fieldName(_ name: String) -> String {
        name.contains(where: separates) ? String(name.map { separates($0) ? "_" : $0 }) : name
    }

    /// The problem's name for the NAME line, which the reader takes whole but trimmed:
    /// spaces stay, except at either end, and other separators become `_`.
    private static func problemName(_ name: String) -> String {
        String(name.map { $0 != " " && separates($0) ? "_" : $0 }).trimmingCharacters(in: .init(charactersIn: " "))
    }

    private static func separates(_ character: Character) -> Bool {
        character.isWhitespace || character.unicodeScalars.contains { $0.value <= 0x20 }
    }

    /// Names as free-format fields, unique within the list.
    private static func fieldNames(_ names: [String], fallback: (Int) -> String) -> [String] {
        var taken = Set<String>(minimumCapacity: names.count)
        return names.enumerated().map { index, name in
            var base = fieldName(name)
            if base.isEmpty { base = fallback(index) }
            var candidate = base, suffix = 2
            while !taken.insert(candidate).inserted {
                candidate = "\(base)_\(suffix)"
                suffix += 1
            }
            return candidate
        }
    }
}

/// Why a problem cannot be written as MPS that reads back: a value that the reader refuses.
public struct MPSWriteError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public var description: String { "cannot write the problem as MPS: \(message)" }
}
