/// Lines over a numeric x axis: years, hours, or the hours of a duration curve. Optional
/// dots at each point carry their values (`data-x`, the x tick's label where one marks
/// the point, and `data-value`) so that a reader of the
/// file, or a test, can check a dot against the axis; optional bands mark target ranges.
public struct LineChart: Sendable {
    /// A horizontal range from `low` to `high` between `xFrom` and `xTo`, with a dashed
    /// line at `line` and a label: a target with its tolerance.
    public struct Band: Sendable {
        public var xFrom: Double
        public var xTo: Double
        public var low: Double
        public var high: Double
        public var line: Double
        public var label: String

        public init(xFrom: Double, xTo: Double, low: Double, high: Double, line: Double, label: String) {
            (self.xFrom, self.xTo, self.low, self.high, self.line, self.label) = (xFrom, xTo, low, high, line, label)
        }
    }

    public var id: String
    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var x: [Double]
    public var series: [Series]
    /// Tick positions and labels on the x axis; nil for nice ticks of the values.
    public var xTicks: [(value: Double, label: String)]?
    /// Dots at every point (few points: years), with their values as data attributes.
    public var dots = false
    public var bands: [Band] = []
    public var yFormat = TickFormat.plain
    /// Whether the y axis starts at zero whatever the values.
    public var fromZero = true

    public init(id: String, title: String, xLabel: String, yLabel: String, x: [Double], series: [Series]) {
        (self.id, self.title, self.xLabel, self.yLabel, self.x, self.series) = (id, title, xLabel, yLabel, x, series)
    }

    public func svg() -> String {
        let frame = ChartFrame(title: title)
        var svg = frame.canvas()
        let values = series.flatMap(\.values) + bands.flatMap { [$0.low, $0.high] }
        let yTicks = NiceTicks(covering: min(fromZero ? 0 : .infinity, values.min() ?? 0), max(values.max() ?? 1, fromZero ? 0 : -.infinity), format: yFormat)
        let y = frame.yScale(yTicks)
        let xPositions = x + bands.flatMap { [$0.xFrom, $0.xTo] }
        let xNice = NiceTicks(covering: xPositions.min() ?? 0, xPositions.max() ?? 1, count: 10)
        let ticks = xTicks ?? xNice.values.map { ($0, xNice.label($0)) }
        let xLow = min(xPositions.min() ?? 0, ticks.map(\.value).min() ?? 0), xHigh = max(xPositions.max() ?? 1, ticks.map(\.value).max() ?? 1)
        let pad = dots ? 0.5 : 0
        let xScale = LinearScale(low: xLow - pad, high: xHigh + pad, from: frame.left, to: frame.right)
        frame.drawYAxis(yTicks, label: yLabel, into: &svg)
        var legend: [LegendEntry] = []
        for band in bands {
            let x1 = xScale.pixel(band.xFrom), x2 = xScale.pixel(band.xTo)
            svg.rect(x: x1, y: y.pixel(band.high), width: x2 - x1, height: y.pixel(band.low) - y.pixel(band.high), fill: Palette.lightGrey,
                     [("class", "band"), ("data-low", Self.shortest(band.low)), ("data-high", Self.shortest(band.high))], title: band.label)
            svg.line(x1: x1, y1: y.pixel(band.line), x2: x2, y2: y.pixel(band.line), stroke: Palette.darkGrey, width: 1.5, dash: "5 3",
                     [("class", "target-line"), ("data-value", "\(band.line)")])
            svg.text(band.label, x: x2 - 4, y: y.pixel(band.high) - 5, anchor: "end", size: 11)
        }
        if !bands.isEmpty {
            legend += [LegendEntry("target (dashed)", colour: Palette.darkGrey, mark: .line(dash: "5 3")),
                       LegendEntry("within tolerance (band)", colour: Palette.lightGrey, mark: .box)]
        }
        for (index, line) in series.enumerated() {
            let points = zip(x, line.values).map { (xScale.pixel($0), y.pixel($1)) }
            svg.polyline(points, stroke: line.colour, width: 2, dash: line.dash, [("data-series", line.name)])
            if dots {
                for (xValue, value) in zip(x, line.values) {
                    // The tick's label where one marks this x (an axis value such as 0.1GW drawn at position 0).
                    let xText = xTicks?.first { $0.value == xValue }?.label ?? TickFormat.plain.text(xValue)
                    svg.element("circle", [("cx", SVGWriter.px(xScale.pixel(xValue))), ("cy", SVGWriter.px(y.pixel(value))), ("r", "4"),
                                           ("fill", line.colour), ("data-series", line.name), ("data-x", xText),
                                           ("data-value", "\(value)")],
                                title: "\(line.name), \(xText): \(yFormat.text(value))")
                }
            }
            legend.insert(LegendEntry(line.name, colour: line.colour, mark: .line(dash: line.dash)), at: index)
        }
        frame.drawXAxis(ticks.map { (xScale.pixel($0.value), $0.label) }, label: xLabel, into: &svg)
        frame.drawLegend(legend, into: &svg)
        return svg.document(id: id, title: title)
    }

    /// A band's end to 12 significant digits: a threshold less its tolerance (28 % − 1 pp)
    /// carries the noise of the subtraction (0.27999999999999997) that the scenario did not write.
    static func shortest(_ value: Double) -> String {
        let rounded = Double(String(format: "%.12g", value)) ?? value
        return "\(rounded)"
    }
}
