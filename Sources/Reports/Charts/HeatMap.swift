import Foundation

/// A grid of cells coloured by value, each also showing its value as text (colour is never
/// the only cue), with a colour key. Rows run down the left side, columns along the bottom.
/// Colours from the viridis scale, which stays ordered in grey and for colour-blind readers.
public struct HeatMap: Sendable {
    public var id: String
    public var title: String
    public var rowLabel: String
    public var columnLabel: String
    /// What the colour means, with its unit, for the key.
    public var valueLabel: String
    public var rows: [String]
    public var columns: [String]
    /// `values[row][column]`; nil for a cell with no result.
    public var values: [[Double?]]
    public var format = TickFormat.plain

    public init(id: String, title: String, rowLabel: String, columnLabel: String, valueLabel: String, rows: [String], columns: [String], values: [[Double?]]) {
        (self.id, self.title, self.rowLabel, self.columnLabel, self.valueLabel) = (id, title, rowLabel, columnLabel, valueLabel)
        (self.rows, self.columns, self.values) = (rows, columns, values)
    }

    static let viridis: [(Double, Double, Double)] = [(68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37)]

    /// The colour of a position 0–1 on the scale, and whether text on it should be white.
    static func colour(_ t: Double) -> (fill: String, darkBackground: Bool) {
        // A position that is not a number (values so far apart that their span overflows) is the scale's start.
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = clamped * Double(viridis.count - 1), i = min(Int(position), viridis.count - 2), f = position - Double(i)
        let (a, b) = (viridis[i], viridis[i + 1])
        let rgb = [a.0 + f * (b.0 - a.0), a.1 + f * (b.1 - a.1), a.2 + f * (b.2 - a.2)]
        return (String(format: "#%02X%02X%02X", Int(rgb[0].rounded()), Int(rgb[1].rounded()), Int(rgb[2].rounded())), clamped < 0.55)
    }

    /// The colour key's swatches, lowest first: five from `low` to `high`, or — when the
    /// values span less than their labels show (all cells equal, for example) — only the
    /// ends, or the one value, so that no label is repeated.
    static func keySteps(low: Double, high: Double, format: TickFormat) -> [(position: Double, label: String)] {
        let five = (0..<5).map { step in (position: Double(step) / 4, label: format.text(low + Double(step) / 4 * (high - low))) }
        if Set(five.map(\.label)).count == five.count { return five }
        return five.first!.label == five.last!.label ? [five.first!] : [five.first!, five.last!]
    }

    public func svg() -> String {
        let cellHeight = max(24, min(44, 300 / Double(max(rows.count, 1))))
        var frame = ChartFrame(title: title, height: 64 + cellHeight * Double(rows.count) + 64)
        frame.left = 110
        frame.top = 64
        var svg = frame.canvas()
        let known = values.flatMap { $0.compactMap { $0 } }
        let low = known.min() ?? 0, high = max(known.max() ?? 1, low + 1e-12)
        let cellWidth = (frame.right - frame.left) / Double(max(columns.count, 1))
        for (r, row) in rows.enumerated() {
            let y = frame.top + cellHeight * Double(r)
            svg.text(row, x: frame.left - 6, y: y + cellHeight / 2 + 4, anchor: "end", size: 11)
            for (c, column) in columns.enumerated() {
                let x = frame.left + cellWidth * Double(c)
                guard let value = values[r][c] else {
                    svg.rect(x: x, y: y, width: cellWidth, height: cellHeight, fill: "#ffffff", [("stroke", "#cccccc")], title: "\(row), \(column): no result")
                    svg.text("–", x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle", size: 11)
                    continue
                }
                let (fill, dark) = Self.colour((value - low) / (high - low))
                svg.rect(x: x, y: y, width: cellWidth, height: cellHeight, fill: fill,
                         [("stroke", "#ffffff"), ("data-row", row), ("data-column", column), ("data-value", "\(value)")], title: "\(row), \(column): \(format.text(value))")
                svg.text(format.text(value), x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, anchor: "middle", size: 11, [("fill", dark ? "#ffffff" : "#000000")])
            }
        }
        svg.text(rowLabel, x: 14, y: frame.top - 10, size: 12)
        frame.bottom = frame.top + cellHeight * Double(rows.count)
        frame.drawXAxis(columns.enumerated().map { (frame.left + cellWidth * (Double($0.offset) + 0.5), $0.element) }, label: columnLabel, into: &svg)
        let keyX = ChartFrame.width - ChartFrame.legendWidth + 12
        svg.text(valueLabel, x: keyX, y: frame.top - 10, size: 12)
        let key = Self.keySteps(low: low, high: high, format: format)
        for (index, step) in key.enumerated() {
            let y = frame.top + 22 * Double(key.count - 1 - index)
            svg.rect(x: keyX, y: y, width: 18, height: 20, fill: Self.colour(step.position).fill, [("class", "key")])
            svg.text(step.label, x: keyX + 24, y: y + 14, size: 11)
        }
        return svg.document(id: id, title: title)
    }
}
