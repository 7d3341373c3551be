import Testing
@testable import Accounting
@testable import EnergyModel

/// Margins and statuses of the three comparisons, worked by hand.
@Suite struct TargetEvaluationTests {
    func target(_ comparison: Target.Comparison, required: Double, tolerance: Double) -> Target {
        Target(
            id: "t", kind: .nonFossilShare, year: 2025, comparison: comparison, required: required, tolerance: tolerance,
            displayUnit: .percent, strive: false, note: nil, technologies: [], selectors: [], since: nil, fuel: nil,
            location: SourceLocation(file: "f", line: 1, column: 1))
    }

    @Test func atLeastWithTolerance() {
        let t = target(.atLeast, required: 0.25, tolerance: 0.01)
        let met = TargetEvaluation(target: t, value: 0.26)
        #expect(met.status == .met)
        #expect(abs(met.margin - 0.01) < 1e-15)
        let close = TargetEvaluation(target: t, value: 0.245)
        #expect(close.status == .withinTolerance)
        #expect(abs(close.margin + 0.005) < 1e-15)
        #expect(TargetEvaluation(target: t, value: 0.2399).status == .missed)
        #expect(TargetEvaluation(target: t, value: 0.25).status == .met)
    }

    /// 375 against 330 万千瓦 is a margin of 45 万千瓦 exactly when taken from the shown
    /// numbers; 3.75 − 3.3 GW in 万千瓦 is 45.00000000000002. A margin snapped to 0 stays 0.
    @Test func displayedMarginIsTheDifferenceOfTheShownNumbers() {
        var t = target(.atLeast, required: 3.3, tolerance: 0)
        t.displayUnit = DisplayUnit("万千瓦", 0.01)
        let evaluation = TargetEvaluation(target: t, value: 3.75)
        #expect(t.displayUnit.display(evaluation.margin) != 45)
        #expect(evaluation.displayedMargin == 45)
        #expect(TargetEvaluation(target: t, value: 3.3 * (1 + 1e-12)).displayedMargin == 0)
        var share = target(.about, required: 0.28, tolerance: 0.005)
        share.displayUnit = .percent
        #expect(TargetEvaluation(target: share, value: 0.27).displayedMargin == -0.5)
    }

    @Test func atMostWithTolerance() {
        let t = target(.atMost, required: 100, tolerance: 10)
        #expect(TargetEvaluation(target: t, value: 90).margin == 10)
        #expect(TargetEvaluation(target: t, value: 90).status == .met)
        #expect(TargetEvaluation(target: t, value: 105).status == .withinTolerance)
        #expect(TargetEvaluation(target: t, value: 111).status == .missed)
        #expect(TargetEvaluation(target: t, value: 111).margin == -11)
    }

    @Test func aboutIsATwoSidedBand() {
        let t = target(.about, required: 3.35e8, tolerance: 0.2e8)
        let below = TargetEvaluation(target: t, value: 3.3e8)
        #expect(below.status == .met)
        #expect(abs(below.margin - 0.15e8) < 1e-3)
        #expect(TargetEvaluation(target: t, value: 3.6e8).status == .missed)
        #expect(TargetEvaluation(target: t, value: 3.1e8).status == .missed)
    }

    @Test func noToleranceMeansMissedBelow() {
        let t = target(.atLeast, required: 3.3, tolerance: 0)
        #expect(TargetEvaluation(target: t, value: 3.2999).status == .missed)
        #expect(TargetEvaluation(target: t, value: 3.3 * (1 - 1e-12)).status == .met)
    }
}
