/// Stages in an MPS file, which the format has no place for: capsim writes them as comment
/// lines, which other readers skip, so that `capsim lp solve` of an exported year orders
/// the normal equations by hour as `capsim run` does (without them the generic path's
/// ordering rounds otherwise, and a year near a degenerate optimum can stall in one and
/// not the other).
///
///     *STAGES ROWS 0:8760 0:8760 L*1
///     *STAGES COLUMNS 0:8760*2 …
///
/// Each token gives stages in order: `a:n` the n stages a, a + 1, …, a + n − 1; `a*k` the
/// stage a k times; `a:n*k` each of a … a + n − 1 k times over (rows built hour by hour,
/// k to an hour); `L*k` k rows or columns of no single stage (`LinearProgram.linking`).
/// A kind's tokens may run over several lines, read in order.
enum MPSStages {
    static let marker = "*STAGES"
    /// Tokens a line, so that lines stay short enough to read.
    static let tokensPerLine = 12

    /// The comment lines that give `stages` of `kind` (`ROWS` or `COLUMNS`).
    static func lines(_ kind: String, _ stages: [Int]) -> [String] {
        var tokens: [String] = [], i = 0
        while i < stages.count {
            let first = stages[i]
            var k = 1
            while i + k < stages.count, stages[i + k] == first { k += 1 }
            var n = 1
            if first != LinearProgram.linking {
                // Further blocks of k, each one stage on: first + 1, first + 2, …
                while i + (n + 1) * k <= stages.count, (0..<k).allSatisfy({ stages[i + n * k + $0] == first + n }),
                      i + (n + 1) * k == stages.count || stages[i + (n + 1) * k] != first + n {
                    n += 1
                }
            }
            let base = first == LinearProgram.linking ? "L" : n > 1 ? "\(first):\(n)" : "\(first)"
            tokens.append(k > 1 || n == 1 ? "\(base)*\(k)" : base)
            i += n * k
        }
        return stride(from: 0, to: tokens.count, by: tokensPerLine).map { start in
            "\(marker) \(kind) " + tokens[start..<min(start + tokensPerLine, tokens.count)].joined(separator: " ")
        }
    }

    /// What one token gives: the stages first … first + n − 1, each k times over (first
    /// is `LinearProgram.linking` for `L*k`, with n = 1).
    struct Run: Equatable {
        var first: Int, n: Int, k: Int

        /// n × k, or nil when it overflows.
        var count: Int? {
            let (product, overflow) = n.multipliedReportingOverflow(by: k)
            return overflow ? nil : product
        }
    }

    /// The run `token` gives, or nil when it is not one of the forms above (a stage below 0
    /// or a count below 1 included).
    static func run(_ token: Substring) -> Run? {
        let parts = token.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        var k = 1
        if parts.count == 2 {
            guard let count = Int(parts[1]), count >= 1 else { return nil }
            k = count
        }
        if parts[0] == "L" { return parts.count == 2 ? Run(first: LinearProgram.linking, n: 1, k: k) : nil }
        let range = parts[0].split(separator: ":", omittingEmptySubsequences: false)
        guard range.count <= 2, let first = Int(range[0]), first >= 0 else { return nil }
        var n = 1
        if range.count == 2 {
            guard let count = Int(range[1]), count >= 1, first <= Int.max - count else { return nil }
            n = count
        }
        return parts.count == 2 || range.count == 2 ? Run(first: first, n: n, k: k) : nil
    }

    /// How many stages `runs` give, or nil past `Int.max`.
    static func count(_ runs: [Run]) -> Int? {
        runs.reduce(0 as Int?) { total, run in
            guard let total, let count = run.count else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(count)
            return overflow ? nil : sum
        }
    }

    /// The stages `runs` give when they are `count` of them, else nil: counted before they
    /// are made, so that a line of a few bytes cannot ask for gigabytes.
    static func stages(_ runs: [Run]?, count: Int) -> [Int]? {
        guard let runs, Self.count(runs) == count else { return nil }
        var stages: [Int] = []
        for run in runs {
            for stage in run.first..<(run.first + run.n) { stages += repeatElement(stage, count: run.k) }
        }
        return stages
    }
}
