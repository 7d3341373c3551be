import LinearProgramming

extension SyntheticDispatch {
    /// An LP with one dense column: a base unit's capacity K (160 million yuan per GW for
    /// the horizon) bounds its output g_t (1 per GWh) in every hour, and a peaker p_t (5 per
    /// GWh) covers the rest of the load:
    ///
    ///     min 160 K + Σ_t (g_t + 5 p_t)   s.t.   g_t + p_t = load_t,   g_t − K ≤ 0,   all ≥ 0
    ///
    /// with load_t = 6 + 0.4·((7t) mod 11) GW. A GW more of K saves 4 in every hour whose
    /// load is above K, so the optimal K is the lowest load level with fewer than 40 hours
    /// above it (over 96 hours, 8.4 GW: 35 hours above it, 44 above 8.0). K has an entry in every
    /// hour's row, which is what `DenseColumns` takes out of the band. With `stages`, rows
    /// and columns carry their hour (K the first).
    public static func capacityProblem(hours: Int, stages: Bool = true) -> LinearProgram {
        var triplets: [(row: Int, column: Int, value: Double)] = []
        var c: [Double] = [160], rl: [Double] = [], ru: [Double] = [], rowStage: [Int] = [], columnStage: [Int] = [0]
        for t in 0..<hours {
            let g = c.count, p = g + 1, balance = rl.count, capacity = balance + 1
            c += [1, 5]
            columnStage += [t, t]
            triplets += [(balance, g, 1), (balance, p, 1), (capacity, g, 1), (capacity, 0, -1)]
            rl += [capacityLoad(t), -.infinity]
            ru += [capacityLoad(t), 0]
            rowStage += [t, t]
        }
        return LinearProgram(
            name: "CAPACITY\(hours)", objective: c, matrix: SparseMatrix(rowCount: rl.count, columnCount: c.count, triplets: triplets),
            rowLower: rl, rowUpper: ru, columnLower: c.map { _ in 0 }, columnUpper: c.map { _ in .infinity },
            rowStages: stages ? rowStage : nil, columnStages: stages ? columnStage : nil)
    }

    /// The load of hour t in `capacityProblem`, GW.
    public static func capacityLoad(_ t: Int) -> Double { 6 + 0.4 * Double((7 * t) % 11) }
}
