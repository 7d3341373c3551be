import Foundation

extension Decoder {
    /// An hourly series from a CSV file: `file.csv`, or `{file: file.csv, column: name}`.
    /// The file has 8 760 data rows, an optional header row, and comma-separated cells;
    /// each value must be a finite number within `range`. Bad cells are reported at their
    /// own line and column in the CSV (at most ten per file, then a count of the rest).
    func series(_ field: Field, range: ClosedRange<Double>, meaning: String) -> HourlySeries? {
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
        let resolved = ScenarioSource.resolve(path, against: pathField.node.location.file)
        guard let data = FileManager.default.contents(atPath: resolved), let content = String(data: data, encoding: .utf8) else {
            fail(pathField, found: "no readable file at \(resolved)", expected: "a CSV file of \(HourlySeries.hoursPerYear) hourly values")
            return nil
        }
        return parseCSV(content, file: resolved, column: column, field: field, range: range, meaning: meaning)
    }

    private func parseCSV(
        _ content: String, file: String, column: String?, field: Field, range: ClosedRange<Double>, meaning: String
    ) -> HourlySeries? {
        // Split on Character.isNewline: "\r\n" is one Character, so splitting on "\n" would not split it.
        var lines = content.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        func cells(_ line: Substring) -> [(text: String, column: Int)] {
            var result: [(String, Int)] = []
            var start = 1
            for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = cell.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                result.append((trimmed, start))
                start += cell.count + 1
            }
            return result
        }
        guard let first = lines.first else {
            fail(at: SourceLocation(file: file, line: 1, column: 1), field.path, found: "an empty file", expected: "\(HourlySeries.hoursPerYear) hourly values")
            return nil
        }
        let header = cells(first)
        let hasHeader = header.contains { Double($0.text) == nil }
        var index = 0
        if let column {
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
                 expected: "one column, or `column:` naming one of \(header.map(\.text).joined(separator: ", "))")
            return nil
        }
        let dataLines = hasHeader ? Array(lines.dropFirst()) : lines
        let firstDataLine = hasHeader ? 2 : 1
        guard dataLines.count == HourlySeries.hoursPerYear else {
            fail(at: SourceLocation(file: file, line: firstDataLine + dataLines.count - 1, column: 1), field.path,
                 found: "\(dataLines.count) data rows",
                 expected: "\(HourlySeries.hoursPerYear) rows, one per hour of a 365-day year (29 February dropped)")
            return nil
        }
        var values = [Double](repeating: 0, count: dataLines.count)
        var bad = 0
        for (row, line) in dataLines.enumerated() {
            let rowCells = cells(line)
            let lineNumber = firstDataLine + row
            let problem: (String, Int)?
            if index >= rowCells.count {
                problem = ("\(rowCells.count) cells", 1)
            } else if let value = Double(rowCells[index].text), value.isFinite {
                if range.contains(value) {
                    values[row] = value
                    problem = nil
                } else {
                    problem = ("\(rowCells[index].text)", rowCells[index].column)
                }
            } else {
                problem = ("\"\(rowCells[index].text)\"", rowCells[index].column)
            }
            guard let (found, columnNumber) = problem else { continue }
            bad += 1
            if bad <= 10 {
                fail(at: SourceLocation(file: file, line: lineNumber, column: columnNumber), field.path, found: found,
                     expected: "\(meaning): a number from \(Self.format(range.lowerBound)) to \(range.upperBound == .infinity ? "any size" : Self.format(range.upperBound))")
            }
        }
        if bad > 10 {
            fail(at: SourceLocation(file: file, line: firstDataLine, column: 1), field.path, found: "\(bad - 10) more bad cells", expected: "numbers in every row")
        }
        return bad == 0 ? HourlySeries(file: file, column: column, values: values) : nil
    }
}
