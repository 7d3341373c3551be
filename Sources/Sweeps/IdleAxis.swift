import Reports

/// Axes of a sweep that changed no result: at every combination of the other axes'
/// values, seed and year, each of the axis's values gave the same figures (every metric
/// of `YearMetrics`, cost included) and target statuses. Such an axis usually sets
/// something the years simulated never read — a capacity milestone after the last year
/// simulated (`technologies.wind.capacity.2030` in a sweep of `--years 2025`), the fuel price of a plant not
/// built yet — and its points are copies of one another; the note says so rather than
/// leave the analyst to find identical rows in the summary.
public enum IdleAxis {
    /// The indices of the idle axes: axes with two values or more whose points, compared
    /// where the sweep has two or more of them for the same other values, seed and year,
    /// are all the same. An axis compared nowhere (a shard holding one value) is not
    /// idle: nothing says so.
    public static func find(_ rows: [PointTable.Row], axes: Int) -> [Int] {
        (0..<axes).filter { axis in
            var first: [[String]: PointTable.Row] = [:], compared = false
            for row in rows {
                var key = row.values
                key.remove(at: axis)
                key += [String(row.seed), String(row.year)]
                guard let other = first[key] else {
                    first[key] = row
                    continue
                }
                guard other.metrics == row.metrics, other.statuses == row.statuses else { return false }
                compared = compared || other.values[axis] != row.values[axis]
            }
            return compared
        }
    }

    /// The note printed under the summary table for the idle axes of `manifest`, empty
    /// when there are none. When `rows` hold only some of the grid's points (a shard, a
    /// merge missing one, failed points), it says the finding is of the points present.
    public static func note(_ idle: [Int], rows: [PointTable.Row], manifest: SweepManifest) -> String {
        let present = Set(rows.map(\.point)).count
        let whole = present == manifest.points
        let place = manifest.axes.count == 1 ? "at every seed and year" : "at every combination of the other axes, seed and year"
        return idle.map { index in
            let axis = manifest.axes[index]
            let values = Set(rows.map { $0.values[index] }).count
            let finding = whole
                ? "changed no result: each of its \(axis.values.count) values gave"
                : "changed no result in the \(present) of \(manifest.points) points present: each of the \(values) of its \(axis.values.count) values there gave"
            let text = """
                note: axis \(index + 1) (\(axis.path)) \(finding) the same figures and target statuses \(place) — a value the \
                years simulated do not read, such as a milestone after the last of them, or a key these years do not use
                """
            return TextLayout.wrap(text, width: 100, first: "", rest: "  ").joined(separator: "\n") + "\n"
        }.joined()
    }
}
