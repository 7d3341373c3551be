/// Series stacked hour by hour as filled areas — a dispatch stack: positive values pile up
/// from zero, negative ones (storage charging, exports) pile down from it. Lines may be
/// laid over on the same axis (the load) and one series on a second axis at the right
/// (the price). Point i is drawn at x = i + ½, the middle of hour i.
public struct StackedAreaChart: Sendable {
    public var id: String
    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// Stacked in order, bottom first.
    public var series: [Series]
    public var lines: [Series] = []
    /// One series on its own axis at the right, with that axis's title.
    public var secondary: (series: Series, label: String)?
    /// Tick positions (in points) and labels on the x axis.
    public var xTicks: [(value: Double, label: String)]

    public init(id: String, title: String, xLabel: String, yLabel: String, series: [Series], xTicks: [(value: Double, label: String)]) {
        (self.id, self.title, self.xLabel, self.yLabel, self.series, self.xTicks) = (id, title, xLabel, yLabel, series, xTicks)
    }

    public func svg() -> String {
        let frame = ChartFrame(title: title, height: 440, secondaryAxis: secondary != nil)
        var svg = frame.canvas()
        let count = series.first?.values.count ?? lines.first?.values.count ?? 0
        var ups = [[Double]](), downs = [[Double]](), up = [Double](repeating: 0, count: count), down = up
        for line in series {
            ups.append(up)
            downs.append(down)
            for i in 0..<count {
                if line.values[i] > 0 { up[i] += line.values[i] } else { down[i] += line.values[i] }
            }
        }
        let ticks = NiceTicks(covering: min(0, down.min() ?? 0), max(up.max() ?? 1, lines.flatMap(\.values).max() ?? 0))
        let y = frame.yScale(ticks), x = LinearScale(low: 0, high: Double(count), from: frame.left, to: frame.right)
        frame.drawYAxis(ticks, label: yLabel, into: &svg)
        for (index, line) in series.enumerated() where line.values.contains(where: { $0 != 0 }) {
            let positive = (0..<count).map { max(0, line.values[$0]) }, negative = (0..<count).map { min(0, line.values[$0]) }
            for (base, part) in [(ups[index], positive), (downs[index], negative)] where part.contains(where: { $0 != 0 }) {
                let top = (0..<count).map { (x.pixel(Double($0) + 0.5), y.pixel(base[$0] + part[$0])) }
                let bottom = (0..<count).reversed().map { (x.pixel(Double($0) + 0.5), y.pixel(base[$0])) }
                svg.polygon(top + bottom, fill: line.colour, [("stroke", "none"), ("data-series", line.name)],
                            title: "\(line.name): \(TickFormat.plain.text(part.reduce(0, +))) GWh (sum over the hours)")
            }
        }
        if ticks.low < 0 { svg.line(x1: frame.left, y1: y.pixel(0), x2: frame.right, y2: y.pixel(0), stroke: "#333333") }
        for line in lines {
            svg.polyline(line.values.enumerated().map { (x.pixel(Double($0.offset) + 0.5), y.pixel($0.element)) }, stroke: line.colour, width: 2,
                         dash: line.dash, [("data-series", line.name)])
        }
        var legend = lines.map { LegendEntry($0.name, colour: $0.colour, mark: .line(dash: $0.dash)) }
        if let (line, label) = secondary {
            let right = NiceTicks(covering: min(0, line.values.min() ?? 0), line.values.max() ?? 1)
            let scale = frame.yScale(right)
            frame.drawYAxis(right, label: label, secondary: true, into: &svg)
            svg.polyline(line.values.enumerated().map { (x.pixel(Double($0.offset) + 0.5), scale.pixel($0.element)) }, stroke: line.colour, width: 1.5,
                         dash: line.dash, [("data-series", line.name), ("data-axis", "y2")])
            legend.append(LegendEntry(line.name + " (right axis)", colour: line.colour, mark: .line(dash: line.dash)))
        }
        frame.drawXAxis(xTicks.map { (x.pixel($0.value), $0.label) }, label: xLabel, into: &svg)
        let drawn = series.filter { $0.values.contains { $0 != 0 } }
        legend += drawn.filter { $0.values.contains { $0 > 0 } }.reversed().map { LegendEntry($0.name, colour: $0.colour, mark: .box) }
        legend += drawn.filter { !$0.values.contains { $0 > 0 } }.map { LegendEntry($0.name + " (below 0)", colour: $0.colour, mark: .box) }
        frame.drawLegend(legend, into: &svg)
        return svg.document(id: id, title: title)
    }
}
