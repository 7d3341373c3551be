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
