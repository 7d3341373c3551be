/// One asset kind's part of a year's LP, after GenX: it adds its own columns and rows and
/// its terms in the shared hourly balance (`add`), and reads its hours back from the
/// solution (`record`). A new kind is one new conforming type and a line in
/// `DispatchModel.assets`; the solver is not touched.
protocol DispatchAsset: Sendable {
    /// Adds the asset's columns and rows to the year's LP and remembers where they are.
    mutating func add(to lp: inout DispatchBuilder)
    /// Writes the asset's hours from the column values `x` into the year's result.
    func record(_ x: [Double], into result: inout YearDispatch)
}
