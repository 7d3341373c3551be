import Foundation
import Testing
@testable import Profiles

@Suite struct CalibrationTests {
    /// f(k) = min(1, k) + min(1, 2k) + min(1, 3k) = 2 at k = 1/3: the third hour saturates.
    @Test func cappedScaleSolvedByHand() throws {
        var output = [Double](repeating: -1, count: 4)
        let result = Calibration.cappedScale(raw: [1, 2, 3, 0], cap: [1, 1, 1, 1], target: 2, into: &output)
        #expect(throws: Never.self) { try result.get() }
        expectRelative(output[0], 1.0 / 3, 1e-12)
        expectRelative(output[1], 2.0 / 3, 1e-12)
        #expect(output[2] == 1 && output[3] == 0)
    }

    @Test func cappedScaleReportsTheReachableLimit() {
        var output = [Double](repeating: 0, count: 3)
        guard case let .failure(problem) = Calibration.cappedScale(raw: [1, 0, 2], cap: [0.5, 1, 0.8], target: 1.5, into: &output) else {
            Issue.record("a target above every hour at its cap was accepted")
            return
        }
        expectRelative(problem.limit, 1.3, 1e-12)  // the hour with no resource cannot help
    }

    /// Shape (1, ½, ½, ½), peak 4 GW, energy 10 GWh: 4 + 3 · 4 · ½^γ = 10 gives ½^γ = ½, γ = 1.
    @Test func loadSolvedByHand() throws {
        var output = [Double](repeating: 0, count: 4)
        try Calibration.load(shape: [2, 1, 1, 1], energy: 10, peak: 4, into: &output).get()
        #expect(output[0] == 4)
        for h in 1..<4 { expectRelative(output[h], 2, 1e-12) }
    }

    /// A flat shape gives a flat load, and only at a peak equal to the average.
    @Test func aFlatShapeTakesOnlyItsAverage() throws {
        var output = [Double](repeating: 0, count: 4)
        try Calibration.load(shape: [3, 3, 3, 3], energy: 8, peak: 2, into: &output).get()
        #expect(output == [2, 2, 2, 2])
        guard case .failure(.flat) = Calibration.load(shape: [3, 3, 3, 3], energy: 6, peak: 2, into: &output) else {
            Issue.record("a flat shape was given a load factor below 1")
            return
        }
    }

    @Test func loadRejectsAPeakBelowTheAverageAndZeroHours() {
        var output = [Double](repeating: 0, count: 4)
        guard case let .failure(.peakBelowAverage(average)) = Calibration.load(shape: [2, 1, 1, 1], energy: 20, peak: 4, into: &output) else {
            Issue.record("a peak below the average load was accepted")
            return
        }
        #expect(average == 5)
        guard case .failure(.zeroHours(1)) = Calibration.load(shape: [2, 0, 1, 1], energy: 8, peak: 4, into: &output) else {
            Issue.record("a shape with a zero hour was accepted")
            return
        }
        guard case let .failure(.energyTooSmall(highest)) = Calibration.load(shape: [2, 2, 1, 1], energy: 6, peak: 4, into: &output) else {
            Issue.record("two peak hours above the year's energy were accepted")
            return
        }
        #expect(highest == 3)
    }
}
