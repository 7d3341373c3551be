import Foundation

/// A line split into fields (free and fixed format), and the fields read as numbers,
/// names and rows.
extension MPSParser {
    /// Space, tab, the CR of a CRLF line end, and any other control character.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte <= UInt8(ascii: " ")
    }

    /// The blank-separated fields of `range`; from field `commentFrom` (0-based) on, a
    /// field that begins a comment (`beginsComment`) ends the line.
    func freeFields(_ range: Range<Int>, commentFrom: Int = .max) -> Fields {
        var fields = Fields()
        var index = range.lowerBound
        while index < range.upperBound {
            while index < range.upperBound, Self.isBlank(bytes[index]) { index += 1 }
            let start = index
            while index < range.upperBound, !Self.isBlank(bytes[index]) { index += 1 }
            guard start < index else { continue }
            if fields.count >= commentFrom, beginsComment(start..<index) { break }
            fields.append(start..<index)
        }
        return fields
    }

    /// The MPS standard's comment at the end of a data line: a `$` that begins field 3
    /// or field 5 starts a comment that runs to the end of the line. In fixed format
    /// these are columns 15–22 and 40–47; in free format, where fields are counted by
    /// blanks, they are the names after a line's first field (after its second in ROWS
    /// and BOUNDS, whose first is a type), and since no number begins with `$`, any
    /// field from there on that begins with one ends the line (`beginsComment`).
    static let commentMark = UInt8(ascii: "$")
    /// Fixed fields 3 and 5 (0-based offsets), where a comment may begin.
    static let commentFields = [fixedFields[2], fixedFields[4]]

    /// Whether `field`, where field 3 or 5 may stand, begins a comment: it begins with `$`
    /// and is not the name of a row declared in ROWS (in BOUNDS, of a column). Writers
    /// that do not follow the standard here, HiGHS's among them, put a name such as
    /// `$LIM` there as it is; read as a comment, the entry it holds would be lost without
    /// a word whenever the line still had a pair before it.
    func beginsComment(_ field: Range<Int>) -> Bool {
        guard bytes[field.lowerBound] == Self.commentMark else { return false }
        switch section {
        case .columns, .rhs, .ranges: return rows.value(of: field, in: bytes) == nil
        case .bounds: return columns.value(of: field, in: bytes) == nil
        default: return true
        }
    }

    /// A data line's free-format fields, up to a `$` comment (`commentMark`).
    func dataFields(_ range: Range<Int>) -> Fields {
        freeFields(range, commentFrom: section == .rows || section == .bounds ? 2 : 1)
    }

    /// The non-empty fixed-format fields, trimmed, in order; an empty field (a left-out
    /// set name) is skipped, so the count tells which fields are there as in free format.
    /// A comment that begins field 3 or 5 ends the line (`fixedComment`).
    func fixedFields(_ range: Range<Int>) throws(MPSError) -> Fields {
        let base = range.lowerBound, length = fixedComment(range) ?? range.count
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

    /// The offset in the line of a `$` comment that begins fixed field 3 or 5
    /// (`beginsComment`), if there is one.
    func fixedComment(_ range: Range<Int>) -> Int? {
        let base = range.lowerBound
        for field in Self.commentFields where field.lowerBound < range.count {
            var (first, end) = (base + field.lowerBound, base + min(field.upperBound, range.count))
            while first < end, Self.isBlank(bytes[first]) { first += 1 }
            while end > first, Self.isBlank(bytes[end - 1]) { end -= 1 }
            if first < end, beginsComment(first..<end) { return first - base }
        }
        return nil
    }

    /// `error`, for a data line that either reading cut short at a `$` comment, with why:
    /// a field 3 or 5 that begins with `$` and names no declared row or column is read as
    /// the start of a comment.
    func explainingComment(_ error: MPSError, _ range: Range<Int>) -> MPSError {
        let (all, data) = (freeFields(range), dataFields(range))
        let free = data.count < min(all.count, 6) ? all[data.count].lowerBound - range.lowerBound : nil
        guard let offset = free ?? fixedComment(range) else { return error }
        var error = error
        error.message += "; the '$' in column \(offset + 1) starts a comment, as the MPS standard has it for a field 3 or 5 that begins with '$' (here it names no row or column declared)"
        return error
    }

    /// The error for text at `offset` that runs on from the field before it, such as a
    /// name of more than 8 characters, or nil for text that stands apart: "text in column
    /// 13" would hide that the name is too long. A tab before it is the likelier cause,
    /// which `fixedEntry` names.
    func overflow(_ range: Range<Int>, at offset: Int) -> MPSError? {
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
    static func count(_ fields: Fields) -> String {
        fields.count == 1 ? "1 field" : "\(fields.count) fields"
    }

    func string(_ field: Range<Int>) -> String {
        String(decoding: bytes[field], as: UTF8.self)
    }

    func equal(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        var offset = 0
        while offset < a.count, bytes[a.lowerBound + offset] == bytes[b.lowerBound + offset] { offset += 1 }
        return offset == a.count
    }

    func matches(_ field: Range<Int>, _ text: String) -> Bool {
        bytes[field].elementsEqual(text.utf8)
    }

    /// A decimal number (digits, a point, an exponent after E or D), or where `finite` is
    /// false also `inf` or `infinity` with an optional sign (any case). Hexadecimal and
    /// `nan`, which the C library would read, are refused, and so is a number beyond ±1.8e308.
    func number(_ field: Range<Int>, finite: Bool) throws(MPSError) -> Double {
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

    /// The row named by `field`; `guess`, a constraint row's index, is compared first
    /// (`columnEntry`'s guess spares a lookup at a random place in the table of names).
    func row(_ field: Range<Int>, guess: Int = -1) throws(MPSError) -> RowReference {
        if guess >= 0, guess < rowFields.count, equal(rowFields[guess], field) { return .constraint(guess) }
        guard let code = rows.value(of: field, in: bytes) else { throw failure("unknown row '\(string(field))'") }
        return RowReference(code: code)
    }

    /// The column named by `field`. BOUNDS lines come in the order of the columns in the
    /// files that writers make, a column's kinds together, so the column of the last bound
    /// and the next one are tried first: compared in the text of COLUMNS, read in order,
    /// they spare a lookup at a random place in a table of many megabytes.
    func column(_ field: Range<Int>) throws(MPSError) -> Int {
        let last = lastBoundColumn
        if last < columnFields.count, equal(columnFields[last], field) { return last }
        if last + 1 < columnFields.count, equal(columnFields[last + 1], field) { return last + 1 }
        guard let column = columns.value(of: field, in: bytes) else { throw failure("unknown column '\(string(field))'") }
        return column
    }

    func failure(_ message: String) -> MPSError {
        MPSError(file: file, line: line, message: message)
    }
}
