import Foundation

/// Scalings that make a generated or measured shape match the scenario's annual figures.
enum Calibration {
    /// Finds k ≥ 0 with Σₕ min(capₕ, k·rawₕ) = `target` and writes min(capₕ, k·rawₕ)
    /// into `output`. Used for capacity factors (cap 1, or the clear-sky output for
    /// solar) so that the annual full-load hours are met exactly while no hour exceeds
    /// what is physically possible.
    ///
    /// f(k) = Σ min(capₕ, k·rawₕ) is continuous, piecewise linear and non-decreasing;
    /// bisection brackets the linear piece holding the target, then one linear solve on
    /// that piece makes the sum exact to rounding. Returns the largest reachable sum
    /// (every hour at its cap) as the error when `target` is above it.
    static func cappedScale(raw: [Double], cap: [Double], target: Double, into output: inout [Double]) -> Result<Void, Unreachable> {
        var reachable = 0.0, highest = 0.0
        for h in raw.indices where raw[h] > 0 {
            reachable += cap[h]
            highest = max(highest, cap[h] / raw[h])
        }
        guard target <= reachable * (1 + 1e-12) else { return .failure(Unreachable(limit: reachable)) }
        func sums(_ k: Double) -> (value: Double, slope: Double, capped: Double) {
            var slope = 0.0, capped = 0.0
            for h in raw.indices where raw[h] > 0 {
                if k * raw[h] < cap[h] { slope += raw[h] } else { capped += cap[h] }
            }
            return (k * slope + capped, slope, capped)
        }
        var low = 0.0, high = highest
        for _ in 0..<64 where high - low > 1e-15 * high {
            let mid = 0.5 * (low + high)
            if sums(mid).value < target { low = mid } else { high = mid }
        }
        let piece = sums(high)
        let k = piece.slope > 0 ? (target - piece.capped) / piece.slope : high
        for h in raw.indices { output[h] = raw[h] > 0 ? min(cap[h], k * raw[h]) : 0 }
        return .success(())
    }

    /// The most a capped scaling can reach.
    struct Unreachable: Error {
        let limit: Double
    }

    /// Rescales a load shape so that its maximum is `peak` and its sum is `energy`
    /// (GW and GWh over 8 760 one-hour steps), both exactly to rounding.
    ///
    /// With x = shape / max(shape) ∈ [0, 1], the load is L = peak · x^γ: the peak hour
    /// stays the peak, the order of hours is kept, and γ > 0 (found by Newton's method
    /// on the convex, decreasing mean(x^γ)) sets the load factor energy / (8760 · peak).
    /// A last factor of 1 ± 1e-12 on the off-peak hours removes the residual.
    static func load(shape: [Double], energy: Double, peak: Double, into output: inout [Double]) -> Result<Void, LoadProblem> {
        let hours = Double(shape.count)
        let loadFactor = energy / (hours * peak)
        guard loadFactor <= 1 + 1e-12 else { return .failure(.peakBelowAverage(average: energy / hours)) }
        let zeros = shape.count { $0 <= 0 }
        guard zeros == 0, let top = shape.max() else { return .failure(.zeroHours(zeros)) }
        var peakHours = 0.0
        for h in shape.indices {
            output[h] = shape[h] / top
            if output[h] == 1 { peakHours += 1 }
        }
        if peakHours == hours {
            // A flat shape: the load is the peak in every hour, so the peak must be the average.
            guard loadFactor >= 1 - 1e-9 else { return .failure(.flat) }
            for h in output.indices { output[h] = peak }
            return .success(())
        }
        guard loadFactor > peakHours / hours + 1e-9 else { return .failure(.energyTooSmall(highestPeak: energy / peakHours)) }
        var gamma = 0.0
        for _ in 0..<100 {
            var mean = 0.0, slope = 0.0
            for x in output {
                let lx = log(x), value = exp(gamma * lx)
                mean += value
                slope += lx * value
            }
            let step = (mean / hours - loadFactor) / (slope / hours)
            gamma -= step
            if abs(step) <= 1e-14 * max(1, gamma) { break }
        }
        var offPeak = 0.0
        for h in output.indices {
            output[h] = output[h] == 1 ? peak : peak * pow(output[h], gamma)
            if output[h] < peak { offPeak += output[h] }
        }
        let factor = offPeak > 0 ? (energy - peak * peakHours) / offPeak : 1
        for h in output.indices where output[h] < peak { output[h] = min(peak, output[h] * factor) }
        return .success(())
    }

    enum LoadProblem: Error {
        /// The peak is below the average load (energy ÷ 8760 h), GW.
        case peakBelowAverage(average: Double)
        /// The shape's peak hours alone would carry more than the year's energy: the
        /// highest peak this shape allows, GW.
        case energyTooSmall(highestPeak: Double)
        /// A flat shape (every hour at its peak) gives only a load factor of 1.
        case flat
        /// A shape with hours of zero (or negative) load cannot be scaled by a power.
        case zeroHours(Int)
    }
}
