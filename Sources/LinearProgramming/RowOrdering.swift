/// Orders the rows of A so that A Θ Aᵀ has a narrow band: by stage when the problem
/// has stages (rows of hour t couple only with hours t − 1 and t + 1), otherwise by
/// reverse Cuthill–McKee on the graph of A Aᵀ (rows adjacent when they share a column).
enum RowOrdering {
    /// Rows sorted by stage (stable); rows with stage `LinearProgram.linking` returned apart.
    static func byStage(_ stages: [Int]) -> (band: [Int], linking: [Int]) {
        let linking = stages.indices.filter { stages[$0] == LinearProgram.linking }
        let band = stages.indices.filter { stages[$0] != LinearProgram.linking }.sorted { (stages[$0], $0) < (stages[$1], $1) }
        return (band, linking)
    }

    /// Reverse Cuthill–McKee: breadth-first from a low-degree row of each connected
    /// component (moved to a pseudo-peripheral row by repeated searches), neighbours in
    /// order of increasing degree, the whole order reversed.
    /// Rows in `excluding` are left out of the graph and of the order.
    static func reverseCuthillMcKee(_ a: SparseMatrix, excluding: Set<Int> = []) -> [Int] {
        let adjacency = rowGraph(a, excluding: excluding)
        let m = a.rowCount
        var order: [Int] = []
        order.reserveCapacity(m)
        var visited = [Bool](repeating: false, count: m)
        for row in excluding { visited[row] = true }
        let byDegree = (0..<m).sorted { (adjacency[$0].count, $0) < (adjacency[$1].count, $1) }
        for seed in byDegree where !visited[seed] {
            var start = seed
            for _ in 0..<4 {
                let levels = breadthFirst(from: start, adjacency)
                guard let far = levels.last?.min(by: { adjacency[$0].count < adjacency[$1].count }), far != start else { break }
                if breadthFirst(from: far, adjacency).count <= levels.count { break }
                start = far
            }
            var queue = [start]
            visited[start] = true
            var head = 0
            while head < queue.count {
                let row = queue[head]
                head += 1
                for next in adjacency[row].sorted(by: { (adjacency[$0].count, $0) < (adjacency[$1].count, $1) }) where !visited[next] {
                    visited[next] = true
                    queue.append(next)
                }
            }
            order += queue
        }
        return order.reversed()
    }

    /// Rows sharing a column with each row (without itself and the excluded rows).
    static func rowGraph(_ a: SparseMatrix, excluding: Set<Int> = []) -> [[Int]] {
        var neighbours = [Set<Int>](repeating: [], count: a.rowCount)
        for j in 0..<a.columnCount {
            let rows = a.rowIndices[a.columnStarts[j]..<a.columnStarts[j + 1]].filter { !excluding.contains($0) }
            for r in rows { for s in rows where s != r { neighbours[r].insert(s) } }
        }
        return neighbours.map { $0.sorted() }
    }

    /// Level sets of a breadth-first search within one component.
    private static func breadthFirst(from start: Int, _ adjacency: [[Int]]) -> [[Int]] {
        var seen: Set<Int> = [start]
        var levels = [[start]]
        while let last = levels.last {
            var next: [Int] = []
            for row in last { for n in adjacency[row] where seen.insert(n).inserted { next.append(n) } }
            if next.isEmpty { break }
            levels.append(next)
        }
        return levels
    }
}
