/// Orders the rows of A so that A Θ Aᵀ has a narrow band: by stage when the problem
/// has stages (rows of hour t couple only with hours t − 1 and t + 1), otherwise by
/// reverse Cuthill–McKee on the graph of A Aᵀ (rows adjacent when they share a column).
enum RowOrdering {
    /// Rows sorted by stage; rows with stage `LinearProgram.linking` returned apart.
    ///
    /// Within a stage, rows that share a column with an earlier stage come first and rows
    /// that share one with a later stage last: sorted by the earliest, then the latest
    /// stage they share a column with (then by index). A row of hour t + 1 that meets a
    /// row of hour t then sits close to it — a ramp row p_{t+1} − p_t meets the balance of
    /// hour t through p_t, so it comes before the balance of its own hour — and the band
    /// is as narrow as the rows an hour allow (6 for the default scenario's LP, not 7).
    static func byStage(_ stages: [Int], _ a: SparseMatrix) -> (band: [Int], linking: [Int]) {
        precondition(stages.count == a.rowCount, "one stage a row")
        let isLinking = stages.map { $0 == LinearProgram.linking }
        var earliest = stages, latest = stages
        for j in 0..<a.columnCount {
            let entries = a.columnStarts[j]..<a.columnStarts[j + 1]
            var low = Int.max, high = Int.min
            for k in entries where !isLinking[a.rowIndices[k]] {
                low = min(low, stages[a.rowIndices[k]])
                high = max(high, stages[a.rowIndices[k]])
            }
            for k in entries where !isLinking[a.rowIndices[k]] {
                let i = a.rowIndices[k]
                earliest[i] = min(earliest[i], low)
                latest[i] = max(latest[i], high)
            }
        }
        let linking = stages.indices.filter { isLinking[$0] }
        let band = stages.indices.filter { !isLinking[$0] }.sorted {
            (stages[$0], earliest[$0], latest[$0], $0) < (stages[$1], earliest[$1], latest[$1], $1)
        }
        return (band, linking)
    }

    /// Reverse Cuthill–McKee: breadth-first from a low-degree row of each connected
    /// component (moved to a pseudo-peripheral row by repeated searches), neighbours in
    /// order of increasing degree, the whole order reversed; then, when that narrows the
    /// band, the rows of each level set sorted as `byStage` sorts a stage.
    /// Rows in `excluding` are left out of the graph and of the order.
    static func reverseCuthillMcKee(_ a: SparseMatrix, excluding: Set<Int> = []) -> [Int] {
        let graph = RowGraph(a, excluding: excluding)
        let m = a.rowCount
        var order: [Int] = []
        order.reserveCapacity(m)
        var visited = [Bool](repeating: false, count: m)
        var level = [Int](repeating: 0, count: m), component = [Int](repeating: 0, count: m)
        for row in excluding { visited[row] = true }
        var search = LevelSearch(rowCount: m)
        let byDegree = graph.byDegree(m)
        var components = 0
        var neighbours: [Int] = []
        for seed in byDegree where !visited[seed] {
            var start = seed
            var levels = search.run(from: start, graph)
            for _ in 0..<4 {
                guard let far = levels.last.min(by: { graph.degree($0) < graph.degree($1) }), far != start else { break }
                let farLevels = search.run(from: far, graph)
                if farLevels.depth <= levels.depth { break }
                (start, levels) = (far, farLevels)
            }
            var queue = [start]
            visited[start] = true
            (level[start], component[start]) = (0, components)
            var head = 0
            while head < queue.count {
                let row = queue[head]
                head += 1
                graph.sortedByDegree(graph.neighbours(of: row), into: &neighbours)
                for next in neighbours where !visited[next] {
                    visited[next] = true
                    (level[next], component[next]) = (level[row] + 1, components)
                    queue.append(next)
                }
            }
            order += queue
            components += 1
        }
        let plain = Array(order.reversed())
        // Within each level set, rows that meet the level before come first and rows that
        // meet the level after last, as `byStage` orders a stage; kept when the band is
        // narrower (on the default scenario's LP read from MPS, 6 sub-diagonals, not 7).
        // The search lists each level set in one run, and a row's neighbours lie in its own
        // level and the two beside it, so the sort is a stable partition of each run into
        // four classes: (meets the level before?, meets the level after?).
        var refined: [Int] = []
        refined.reserveCapacity(order.count)
        var classes: [[Int]] = [[], [], [], []]
        var runStart = 0
        while runStart < order.count {
            let first = order[runStart]
            var runEnd = runStart
            while runEnd < order.count, component[order[runEnd]] == component[first], level[order[runEnd]] == level[first] { runEnd += 1 }
            for c in classes.indices { classes[c].removeAll(keepingCapacity: true) }
            for row in order[runStart..<runEnd] {
                let levels = graph.neighbours(of: row).lazy.map { level[$0] }
                let before = (levels.min() ?? level[row]) < level[row], after = (levels.max() ?? level[row]) > level[row]
                classes[(before ? 0 : 2) + (after ? 1 : 0)].append(row)
            }
            for c in classes { refined += c }
            runStart = runEnd
        }
        refined.reverse()
        return PathSelection.bandwidth(a, order: refined) < PathSelection.bandwidth(a, order: plain) ? refined : plain
    }

    /// The rows sharing a column with each row (without itself and the excluded rows), in
    /// increasing order, stored one row after another.
    struct RowGraph {
        private let starts: [Int]
        private let adjacent: [Int]

        /// Gathers each row's neighbours through its columns, then transposes the lists:
        /// the graph is symmetric, and transposing lists them in increasing order.
        init(_ a: SparseMatrix, excluding: Set<Int>) {
            let m = a.rowCount
            var kept = [Bool](repeating: true, count: m)
            for row in excluding { kept[row] = false }
            var rowStarts = [Int](repeating: 0, count: m + 1)
            for row in a.rowIndices where kept[row] { rowStarts[row + 1] += 1 }
            for i in 0..<m { rowStarts[i + 1] += rowStarts[i] }
            var next = rowStarts, rowColumns = [Int](repeating: 0, count: rowStarts[m])
            for j in 0..<a.columnCount {
                for k in a.columnStarts[j]..<a.columnStarts[j + 1] where kept[a.rowIndices[k]] {
                    rowColumns[next[a.rowIndices[k]]] = j
                    next[a.rowIndices[k]] += 1
                }
            }
            var starts = [Int](repeating: 0, count: m + 1), gathered: [Int] = [], lastSeen = [Int](repeating: -1, count: m)
            for row in 0..<m {
                for j in rowColumns[rowStarts[row]..<rowStarts[row + 1]] {
                    for k in a.columnStarts[j]..<a.columnStarts[j + 1] {
                        let other = a.rowIndices[k]
                        if other != row, kept[other], lastSeen[other] != row {
                            lastSeen[other] = row
                            gathered.append(other)
                        }
                    }
                }
                starts[row + 1] = gathered.count
            }
            var adjacent = [Int](repeating: 0, count: gathered.count)
            next = starts
            for row in 0..<m {
                for other in gathered[starts[row]..<starts[row + 1]] {
                    adjacent[next[other]] = row
                    next[other] += 1
                }
            }
            (self.starts, self.adjacent) = (starts, adjacent)
        }

        func degree(_ row: Int) -> Int { starts[row + 1] - starts[row] }

        /// Rows 0 ..< `count` by increasing degree, then index (a counting sort).
        func byDegree(_ count: Int) -> [Int] {
            var first = [Int](repeating: 0, count: ((0..<count).lazy.map(degree).max() ?? 0) + 2)
            for row in 0..<count { first[degree(row) + 1] += 1 }
            for d in 1..<first.count { first[d] += first[d - 1] }
            var sorted = [Int](repeating: 0, count: count)
            for row in 0..<count {
                sorted[first[degree(row)]] = row
                first[degree(row)] += 1
            }
            return sorted
        }

        /// `rows` (a row's few neighbours) by increasing degree, then index, into `sorted`
        /// (an insertion sort in a reused buffer: no allocation per row).
        func sortedByDegree(_ rows: ArraySlice<Int>, into sorted: inout [Int]) {
            sorted.removeAll(keepingCapacity: true)
            for row in rows {
                var p = sorted.count
                sorted.append(row)
                while p > 0, (degree(sorted[p - 1]), sorted[p - 1]) > (degree(row), row) {
                    sorted[p] = sorted[p - 1]
                    p -= 1
                }
                sorted[p] = row
            }
        }

        func neighbours(of row: Int) -> ArraySlice<Int> { adjacent[starts[row]..<starts[row + 1]] }
    }

    /// Breadth-first searches within one component, reusing their buffers: a row is seen
    /// in the current search when its stamp is the search's number.
    private struct LevelSearch {
        private var stamp: [Int]
        private var current = -1

        init(rowCount: Int) {
            stamp = [Int](repeating: -1, count: rowCount)
        }

        /// The number of level sets from `start`, and the last of them.
        mutating func run(from start: Int, _ graph: RowGraph) -> (depth: Int, last: [Int]) {
            current += 1
            stamp[start] = current
            var queue = [start], levelStart = 0, depth = 1
            while true {
                let levelEnd = queue.count
                for p in levelStart..<levelEnd {
                    for row in graph.neighbours(of: queue[p]) where stamp[row] != current {
                        stamp[row] = current
                        queue.append(row)
                    }
                }
                if queue.count == levelEnd { return (depth, Array(queue[levelStart...])) }
                levelStart = levelEnd
                depth += 1
            }
        }
    }
}
