/// The points that rows read back from a sweep folder (to resume it, or to merge it) must
/// be: each a point of the folder's grid with exactly that point's axis values and seed,
/// in one of its years, and found once. A well-formed row of another grid — from a second
/// sweep writing the folder, or added by hand — was kept and counted in the summary
/// ("10 of 9 points", a 9 GW row in a sweep up to 1.5 GW).
struct SweepGrid {
    private let plan: SweepPlan
    private let years: [Int]
    private var seen: [String: Int] = [:]

    /// The grid of `manifest`; `path` names its sweep.json in a message.
    init(_ manifest: SweepManifest, path: String) throws {
        let selection = try SweepFile.years(manifest.years, source: "\(path): years")
        plan = SweepPlan(manifest, years: selection)
        years = selection.runs.flatMap { Array($0) }
    }

    /// Checks the row or line at `line` of `file` holding `point` with `seed`, `values`
    /// (the axes' values in the manifest's order) and `found` years — one of the sweep's
    /// years for a row of points.csv, every one of them for a line of points.jsonl
    /// (`allYears`); `key` names what the file holds once (a point and year, or a point).
    mutating func check(_ file: String, line: Int, point: Int, seed: UInt64, values: [String], years found: [Int], allYears: Bool, key: String) throws {
        let problem: String
        if !(0..<plan.count).contains(point) {
            problem = "point \(point) is not a point of this sweep, whose points are 0 to \(plan.count - 1)"
        } else if let first = seen[key] {
            problem = "\(key) again (first at line \(first))"
        } else {
            let expected = plan.point(point)
            seen[key] = line
            let yearsMatch = allYears ? found.sorted() == years.sorted() : found.allSatisfy(years.contains)
            guard seed != expected.seed || values != expected.values || !yearsMatch else { return }
            let wanted = allYears ? Self.years(years) : "a year of \(plan.years.description)"
            problem = "not point \(point) of this sweep: expected \(describe(seed: expected.seed, values: expected.values, years: wanted)); "
                + "found \(describe(seed: seed, values: values, years: Self.years(found)))"
        }
        throw SweepError("\(file):\(line): \(problem) (a row of another sweep, or an edited line): run the sweep again with --restart to discard the folder's results")
    }

    /// `year 2030` or `years 2029,2030`.
    private static func years(_ list: [Int]) -> String {
        (list.count == 1 ? "year " : "years ") + list.map(String.init).joined(separator: ",")
    }

    private func describe(seed: UInt64, values: [String], years: String) -> String {
        (["seed \(seed)"] + zip(plan.axes, values).map { "\($0.path)=\($1)" } + [years]).joined(separator: ", ")
    }
}
