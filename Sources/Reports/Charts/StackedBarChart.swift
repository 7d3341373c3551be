/// One bar per category (a year, say), each series a segment of it: positive values stack
/// upward from zero, negative ones (exports, storage charging) downward. Each segment is a
/// `<rect>` with `data-series`, `data-category` and `data-value` and a tooltip; the legend
/// lists the series top of the stack first, so order tells them apart as well as colour.
public struct StackedBarChart: Sendable {
    public var id: String
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var categories: [String]
    public var series: [Series]
    /// One value per category drawn as a bold tick across the bar (the load, say).
    public var totals: [Series] = []
    public var yFormat = TickFormat.plain

    public init(id: String, title: String, xLabel: String, yLabel: String, categories: [String], series: [Series]) {
        (self.id, self.title, self.xLabel, self.yLabel, self.categories, self.series) = (id, title, xLabel, yLabel, categories, series)
    }

    public func svg() -> String {
        let frame = ChartFrame(title: title, height: 420)
        var svg = frame.canvas()
        let ups = categories.indices.map { i in series.reduce(0) { $0 + max(0, $1.values[i]) } }
        let downs = categories.indices.map { i in series.reduce(0) { $0 + min(0, $1.values[i]) } }
        let extremes = ups + downs + totals.flatMap(\.values)
        let ticks = NiceTicks(covering: min(0, extremes.min() ?? 0), max(0, extremes.max() ?? 1), format: yFormat)
        let y = frame.yScale(ticks)
        frame.drawYAxis(ticks, label: yLabel, into: &svg)
        let slot = (frame.right - frame.left) / Double(max(categories.count, 1)), barWidth = min(slot * 0.7, 60)
        func centre(_ i: Int) -> Double { frame.left + slot * (Double(i) + 0.5) }
        for (i, category) in categories.enumerated() {
            var up = 0.0, down = 0.0
            for line in series where line.values[i] != 0 {
                let value = line.values[i], base = value > 0 ? up : down, top = base + value
                if value > 0 { up = top } else { down = top }
                svg.rect(x: centre(i) - barWidth / 2, y: y.pixel(max(base, top)), width: barWidth, height: abs(y.pixel(base) - y.pixel(top)), fill: line.colour,
                         [("stroke", "#ffffff"), ("stroke-width", "0.5"), ("data-series", line.name), ("data-category", category), ("data-value", "\(value)")],
                         title: "\(category) \(line.name): \(yFormat.text(value))")
            }
        }
        if ticks.low < 0 { svg.line(x1: frame.left, y1: y.pixel(0), x2: frame.right, y2: y.pixel(0), stroke: "#333333") }
        for line in totals {
            for (i, value) in line.values.enumerated() {
                svg.line(x1: centre(i) - barWidth / 2 - 4, y1: y.pixel(value), x2: centre(i) + barWidth / 2 + 4, y2: y.pixel(value), stroke: line.colour, width: 3,
                         dash: line.dash, [("data-series", line.name), ("data-category", categories[i]), ("data-value", "\(value)")])
            }
        }
        frame.drawXAxis(categories.enumerated().map { (centre($0.offset), $0.element) }, label: xLabel, into: &svg)
        var legend = totals.map { LegendEntry($0.name, colour: $0.colour, mark: .line(dash: $0.dash)) }
        let positive = series.filter { $0.values.contains { $0 > 0 } }, negative = series.filter { !$0.values.contains { $0 > 0 } && $0.values.contains { $0 < 0 } }
        legend += positive.reversed().map { LegendEntry($0.name, colour: $0.colour, mark: .box) }
        legend += negative.map { LegendEntry($0.name + " (below 0)", colour: $0.colour, mark: .box) }
        frame.drawLegend(legend, into: &svg)
        return svg.document(id: id, title: title)
    }
}
