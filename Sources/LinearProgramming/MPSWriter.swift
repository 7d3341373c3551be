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
/// - Stages are not part of MPS and are not written, nor are explicit zeros in the matrix.
///
/// The problem should be consistent (`inconsistency() == nil`).
public enum MPSWriter {
    /// `comments` go first, each a line of its own after `*` (MPS's comment mark): what
    /// made the file, which a reader skips.
    public static func text(_ lp: LinearProgram, comments: [String] = []) -> String {
        let rowNames = fieldNames([lp.objectiveName] + Array(lp.rowNames)) { $0 == 0 ? "OBJ" : "R\($0 - 1)" }
        let objectiveName = rowNames[0]
        let columnNames = fieldNames(Array(lp.columnNames)) { "C\($0)" }
        let rows = (0..<lp.rowCount).map { row(lower: lp.rowLower[$0], upper: lp.rowUpper[$0]) }

        let name = problemName(lp.name)
        var text = comments.map { "* \($0.split(whereSeparator: \.isNewline).joined(separator: " "))\n" }.joined()
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
