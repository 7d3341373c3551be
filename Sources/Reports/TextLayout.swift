import Foundation

/// Column layout for terminal tables: pads by display width, so that Chinese unit
/// names (two columns each in a terminal) line up with Latin text.
public enum TextLayout {
    /// Terminal columns a string occupies: East Asian wide characters count two.
    public static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// `text` filled with spaces to `width` columns (on the left when `right`).
    public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - Self.width(text)))
        return right ? fill + text : text + fill
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            true
        default:
            false
        }
    }

    /// The widths of a table whose first column holds names (`row`): `minimum` widened
    /// where a cell of another column needs more (its width and a space), so that a column
    /// one long cell widens stays straight in every row. A name never widens its column:
    /// one that fills it takes a line of its own.
    static func fitted(_ minimum: [Int], to rows: [[String]]) -> [Int] {
        minimum.enumerated().map { index, least in
            index == 0 ? least : rows.reduce(least) { widest, cells in index < cells.count ? max(widest, width(cells[index]) + 1) : widest }
        }
    }

    /// A table's row in `widths` (`fitted` to the other columns of every row, so that
    /// the rows stay straight): one line, or two when the first cell — a name the user
    /// chose, of any length — fills its column: the name alone, then the rest under the
    /// columns. A target id of 40 characters had pushed its row past 100 columns.
    static func row(_ cells: [String], _ widths: [Int]) -> [String] {
        guard let name = cells.first, let first = widths.first, width(name) >= first else { return [columns(cells, widths)] }
        return [name, columns([""] + cells.dropFirst(), widths)]
    }

    /// Left-aligned cells in columns of `widths`; a cell as wide as its column or wider
    /// keeps a space after it (the row grows rather than two cells running together).
    static func columns(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).map { pad($0, max($1, width($0) + 1)) }.joined()
    }

    /// `text` broken at spaces into lines of at most `width` columns, the first starting
    /// with `first` and the others with `rest` (a word longer than a line stays whole).
    /// A number stays on the line of the word after it, its unit ("0.0148 GW" was broken
    /// after 0.0148).
    public static func wrap(_ text: String, width: Int, first: String, rest: String) -> [String] {
        var words: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            if let last = words.last, Double(last.trimmingCharacters(in: CharacterSet(charactersIn: "(+−-"))) != nil {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(word)
            }
        }
        return wrap(words, separator: " ", width: width, first: first, rest: rest)
    }

    /// `items` joined by `separator` into lines of at most `width` columns, the first
    /// starting with `first` and the others with `rest`; a line broken after an item keeps
    /// the separator's mark (the comma of `", "`), counted in the width.
    public static func wrap(_ items: [String], separator: String, width: Int, first: String, rest: String) -> [String] {
        let mark = separator.trimmingCharacters(in: .whitespaces)
        var lines: [String] = [], line = first, empty = true
        for item in items {
            if !empty, Self.width(line) + Self.width(separator) + Self.width(item) + Self.width(mark) > width {
                lines.append(line + mark)
                (line, empty) = (rest, true)
            }
            line += (empty ? "" : separator) + item
            empty = false
        }
        return lines + [line]
    }

    public static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// A number with exactly `digits` decimals, for a column of a table, whose decimal
    /// points then line up: 8.350, 14.139.
    static func fixed(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        return Double(text) == 0 ? String(format: "%.\(digits)f", 0.0) : text
    }

    /// A number with up to `digits` decimals and no trailing zeros: 330, 3.3, 0.115.
    static func number(_ value: Double, digits: Int = 3) -> String {
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
