/// The three passes over the columns as `HalvedWork`, so that a two-thread solve hands
/// its second half to `SecondThread` without allocating.
extension MehrotraIterations: HalvedWork {
    /// A pass over the columns and its arguments.
    enum ColumnPass {
        case residual(ResidualStep)
        case predictor
        case corrector(shift: Double)
    }

    /// Half `half` of `pendingPass`: the first half adds its rows' terms into the shared
    /// row vectors, the second into the spill vectors (`ColumnHalves`); each keeps its
    /// sums in its own slot, joined by the caller.
    func runHalf(_ half: Int) {
        switch pendingPass {
        case let .residual(step):
            halves.clear(rp, predictorY, half: half)
            halfMeasures[half] = half == 0
                ? residualColumns(halves.first, step, into: rp, predictorY)
                : residualColumns(halves.second, step, into: halves.spillA, halves.spillB)
        case .predictor:
            halves.clear(step.y, centring, half: half)
            halfPredictors[half] = half == 0
                ? predictorColumns(halves.first, into: step.y, centring)
                : predictorColumns(halves.second, into: halves.spillA, halves.spillB)
        case let .corrector(shift):
            halfLengths[half] = correctorColumns(half == 0 ? halves.first : halves.second, shift: shift)
        }
    }
}
