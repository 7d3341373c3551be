/// Exchange with the provincial grid:
///
///     0 ≤ m_t ≤ M,   0 ≤ x_t ≤ X     (GW)
///
/// cost = import price × m_t − export price × x_t.
struct GridAsset: DispatchAsset {
    let grid: GridYear
    private var imports: ColumnBlock?, exports: ColumnBlock?

    init(_ grid: GridYear) {
        self.grid = grid
    }

    mutating func add(to lp: inout DispatchBuilder) {
        let grid = grid
        let m = lp.columns("import", lower: { _ in 0 }, upper: { _ in grid.importLimit }, cost: { _ in grid.importPrice })
        let x = lp.columns("export", lower: { _ in 0 }, upper: { _ in grid.exportLimit }, cost: { _ in -grid.exportPrice })
        lp.addToBalance(m, 1)
        lp.addToBalance(x, -1)
        (imports, exports) = (m, x)
    }

    func record(_ x: [Double], into result: inout YearDispatch) {
        if let imports { result.imports = imports.values(in: x) }
        if let exports { result.exports = exports.values(in: x) }
    }
}
