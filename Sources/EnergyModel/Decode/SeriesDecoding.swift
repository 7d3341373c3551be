import Foundation

extension Decoder {
    /// An hourly series from a CSV file: `file.csv`, or `{file: file.csv, column: name}`.
    /// The file has 8 760 data rows, an optional header row, and comma-separated cells,
    /// as many in every row as in the first; each value is a decimal number within
    /// `range` (and above zero when `positive`), and none is nonzero yet below 10⁻⁹, a
    /// size no series means and which scaling the series would overflow. Bad cells are
    /// reported at their own line and column in the CSV (at most ten per file, then a
    /// count of the rest).
    func series(_ field: Field, range: ClosedRange<Double>, positive: Bool = false, meaning: String) -> HourlySeries? {
        keyLocations[field.path] = field.node.location
        var path: String?, column: String?, pathField = field
        if field.node.scalarText != nil {
            path = text(field)
        } else if var reader = MappingReader(field, self, expected: "a CSV path or {file, column}") {
            if let f = reader.required("file", expected: "the CSV file's path") {
                pathField = f
                path = text(f, expected: "the CSV file's path")
            }
            if let c = reader.optional("column") { column = text(c, expected: "a column name from the CSV header") }
            reader.finish(subject: "an hourly series")
        }
        guard let path else { return nil }
        let written = pathField.node.location.file
        let resolved = ScenarioSource.resolve(path, against: pathBases[written] ?? written)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), !isFolder.boolValue,
              let data = FileManager.default.contents(atPath: resolved) else {
            fail(pathField, found: isFolder.boolValue ? "a folder at \(resolved)" : "no readable file at \(resolved)",
                 expected: "a CSV file of \(HourlySeries.hoursPerYear) hourly values")
            return nil
        }
        guard let content = String(data: data, encoding: .utf8) else {
            let line = TextBytes.firstLineNotUTF8(data).map { " at its line \($0)" } ?? ""
            fail(pathField, found: "\(resolved), which is not UTF-8 text\(line)", expected: "a CSV file in UTF-8 (or ASCII)")
            return nil
        }
        return parseCSV(content, file: resolved, column: column, field: field, range: range, positive: positive, meaning: meaning)
    }

    private func parseCSV(
        _ content: String, file: String, column: String?, field: Field, range: ClosedRange<Double>, positive: Bool, meaning: String
    ) -> HourlySeries? {
        // Split on Character.isNewline: "\r\n" is one Character, so splitting on "\n" would not split it.
        var lines = content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        guard let first = lines.first else {
            fail(at: SourceLocation(file: file, line: 1, column: 1), field.path, found: "an empty file", expected: "\(HourlySeries.hoursPerYear) hourly values")
            return nil
        }
        // A blank line inside the file (blank lines at its end are dropped above) is named
        // where it is: counted as a row, it was reported as a row count at the last line,
        // and as the first line it made the header a data row.
        if let blank = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            fail(at: SourceLocation(file: file, line: blank + 1, column: 1), field.path, found: "an empty line",
                 expected: "a row of values on every line (blank lines only at the end of the file)")
            return nil
        }
        let header = Self.cells(first)
        let hasHeader = header.contains { Quantity.decimal($0.text) == nil }
        var index = 0
        if let column {
            if hasHeader, header.filter({ $0.text == column }).count > 1 {
                fail(at: SourceLocation(file: file, line: 1, column: 1), field.path, found: "the column \"\(column)\" twice in the header",
                     expected: "a header naming each column once")
                return nil
            }
            guard hasHeader, let found = header.firstIndex(where: { $0.text == column }) else {
                let names = hasHeader ? header.map(\.text) : []
                fail(at: SourceLocation(file: file, line: 1, column: 1), field.path,
                     found: hasHeader ? "no column \"\(column)\"\(Suggestion.phrase(for: column, among: names))" : "no header row",
                     expected: "a header naming the column \"\(column)\" (columns: \(names.joined(separator: ", ")))")
                return nil
            }
            index = found
        } else if header.count > 1 {
            fail(at: SourceLocation(file: file, line: 1, column: 1), field.path, found: "\(header.count) columns",
                 expected: hasHeader ? "one column, or `column:` naming one of \(header.map(\.text).joined(separator: ", "))"
                     : "one column, or a header row and `column:` naming one of its columns")
            return nil
        }
        let dataLines = hasHeader ? Array(lines.dropFirst()) : lines
        let firstDataLine = hasHeader ? 2 : 1
        guard dataLines.count == HourlySeries.hoursPerYear else {
            // A file without a header whose first value is bad (NaN, empty, 0.5x) reads as
            // one with a header and a row short: say which cell made line 1 a header, when
            // it looks like a value rather than a name.
            let first = header.count == 1 ? header[0].text : "x"
            let value = first.isEmpty || ["nan", "inf", "infinity", "n/a", "na", "null"].contains(first.lowercased())
                || first.first.map { "0123456789+-.".contains($0) } == true
            let headerNote = hasHeader && value ? " after line 1, read as a header (\"\(first)\" is not a number)" : ""
            fail(at: SourceLocation(file: file, line: firstDataLine + dataLines.count - 1, column: 1), field.path,
                 found: "\(dataLines.count) data rows\(headerNote)",
                 expected: "\(HourlySeries.hoursPerYear) rows, one per hour of a 365-day year (29 February dropped)")
            return nil
        }
        var values = [Double](repeating: 0, count: dataLines.count)
        var bad = 0, firstUnreported: SourceLocation?
        for (row, line) in dataLines.enumerated() {
            let rowCells = Self.cells(line)
            let lineNumber = firstDataLine + row
            let problem: (found: String, column: Int, expected: String?)?
            if rowCells.count != header.count {
                let at = rowCells.count > header.count ? rowCells[header.count].column : rowCells[rowCells.count - 1].column
                let trailing = rowCells.count == header.count + 1 && rowCells[header.count].text.isEmpty
                let hint = trailing ? " (a comma at the end of the line: remove it)"
                    : rowCells.count > header.count ? " (a decimal comma, 0,5, splits a number in two: write 0.5)" : ""
                problem = ("\(rowCells.count) cell\(rowCells.count == 1 ? "" : "s")", at,
                           "\(header.count) cell\(header.count == 1 ? "" : "s") as in line 1\(hint)")
            } else if let value = Quantity.decimal(rowCells[index].text) {
                // 1e-400 reads as 0: refused as 1e-310 is, not taken for a zero.
                if range.contains(value), !(positive && value <= 0), value == 0 || abs(value) >= 1e-9, Quantity.representable(value, rowCells[index].text) {
                    values[row] = value
                    problem = nil
                } else {
                    problem = ("\(rowCells[index].text)", rowCells[index].column, nil)
                }
            } else {
                problem = ("\"\(rowCells[index].text)\"", rowCells[index].column, nil)
            }
            guard let problem else { continue }
            bad += 1
            if bad == 11 { firstUnreported = SourceLocation(file: file, line: lineNumber, column: problem.column) }
            if bad <= 10 {
                let numbers = range.lowerBound < 0 ? "a number from \(Self.format(range.lowerBound))" : positive ? "a number from 1e-9" : "0 or a number from 1e-9"
                fail(at: SourceLocation(file: file, line: lineNumber, column: problem.column), field.path, found: problem.found,
                     expected: problem.expected ?? "\(meaning): \(numbers) to \(Self.format(range.upperBound))")
            }
        }
        if bad > 10, let firstUnreported {
            fail(at: firstUnreported, field.path, found: "\(bad - 10) more bad cells, the first of them here", expected: "numbers in every row")
        }
        return bad == 0 ? HourlySeries(file: file, column: column, values: values) : nil
    }

    /// The cells of a CSV line, each with the column (1-based) where it starts: split at
    /// commas outside double quotes (`"wind, onshore"` is one cell), each trimmed of
    /// spaces, of the quotes around it and of spaces inside them (`" 0.3 "` is 0.3).
    static func cells(_ line: Substring) -> [(text: String, column: Int)] {
        var result: [(String, Int)] = []
        var cell = "", start = 1, column = 1, quoted = false
        func finish() {
            let text = cell.trimmingCharacters(in: .whitespaces)
            let unquoted = text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
            result.append((unquoted.trimmingCharacters(in: .whitespaces), start))
        }
        for character in line {
            if character == "\"" { quoted.toggle() }
            if character == ",", !quoted {
                finish()
                cell = ""
                start = column + 1
            } else {
                cell.append(character)
            }
            column += 1
        }
        finish()
        return result
    }
}
