import Accounting
import EconomicDispatch
import EnergyModel

/// Sums a year's hourly dispatch into the flows the accounting counts (`AnnualEnergy`).
///
/// - generation, charge, spill: Σ_t of the hourly values, GWh;
/// - curtailment: Σ_t of the hours with more than `unservedThreshold` GW curtailed (the
///   interior point leaves some 10⁻⁹ GW in every hour, which an "at most 0 %" target
///   counted as missed);
/// - fuel of coal and gas plants: heat rate × generation, tce;
/// - storage charged and discharged in the same hour: Σ_t min(c_t, d_t) over the hours
///   where it exceeds `unservedThreshold` GW, and their number;
/// - the non-fossil part of exports: Σ_t x_t · f_t, with f_t = (Σ wind, solar, hydro
///   output + Σ bioenergy output × biogenic fraction) ÷ Σ generation (storage excluded)
///   in hour t, and f_t = 0 in an hour without local generation;
/// - unserved energy and loss-of-load hours: the energy and the number of the hours with
///   more than `unservedThreshold` GW not served (below it, an hour's value is the
///   solver's tolerance, not lost load);
/// - average price: Σ price_t·load_t ÷ Σ load_t; peak price: max_t price_t.
public enum EnergySummary {
    /// GW below which an hour's unserved load or curtailment counts as zero (the solver's
    /// interior point leaves values of order 1e-9).
    public static let unservedThreshold = 1e-6

    public static func annual(_ dispatch: YearDispatch, conditions: YearConditions) -> AnnualEnergy {
        let hours = dispatch.hours
        var nonFossil = [Double](repeating: 0, count: hours), generated = [Double](repeating: 0, count: hours)
        var technologies: [TechnologyEnergy] = []
        for (unit, series) in zip(conditions.technologies, dispatch.technologies) {
            let kind = unit.technology.kind
            let generation = series.output.reduce(0, +)
            var energy = TechnologyEnergy(id: series.id, kind: kind, capacity: unit.averageCapacity, generation: generation)
            energy.available = series.available?.reduce(0, +) ?? 0
            energy.curtailed = series.curtailed?.reduce(0) { $1 > unservedThreshold ? $0 + $1 : $0 } ?? 0
            energy.spilled = series.spilled?.reduce(0, +) ?? 0
            energy.charge = series.charge?.reduce(0, +) ?? 0
            if let charge = series.charge {
                for t in 0..<hours {
                    let both = min(charge[t], series.output[t])
                    guard both > unservedThreshold else { continue }
                    energy.sameHour += both
                    energy.sameHourHours += 1
                }
            }
            if let capacity = unit.energyInService { energy.energyCapacity = capacity }
            energy.fuel = (unit.heatRate ?? 0) * generation
            technologies.append(energy)
            guard !kind.isStorage else { continue }
            let fraction = nonFossilFraction(unit.technology)
            for t in 0..<hours {
                generated[t] += series.output[t]
                nonFossil[t] += fraction * series.output[t]
            }
        }
        var nonFossilExports = 0.0, weightedPrice = 0.0, lossOfLoadHours = 0.0, unserved = 0.0, unservedHours: [Double] = []
        for t in 0..<hours {
            if generated[t] > 0 { nonFossilExports += dispatch.exports[t] * min(1, nonFossil[t] / generated[t]) }
            weightedPrice += dispatch.price[t] * dispatch.load[t]
            if dispatch.unserved[t] > unservedThreshold {
                lossOfLoadHours += 1
                unserved += dispatch.unserved[t]
                unservedHours.append(dispatch.unserved[t])
            }
        }
        let load = dispatch.load.reduce(0, +)
        return AnnualEnergy(
            year: dispatch.year, load: load, peakLoad: dispatch.load.max() ?? 0, technologies: technologies,
            imports: dispatch.imports.reduce(0, +), exports: dispatch.exports.reduce(0, +), nonFossilExports: nonFossilExports,
            unserved: unserved, lossOfLoadHours: lossOfLoadHours, unservedHours: unservedHours, cost: dispatch.solver.objective,
            averagePrice: load > 0 ? weightedPrice / load : 0, peakPrice: dispatch.price.max() ?? 0)
    }

    /// The non-fossil part of a technology's electricity: 1 for wind, solar and hydro, the
    /// biogenic fraction for bioenergy, 0 for coal and gas.
    static func nonFossilFraction(_ technology: Technology) -> Double {
        switch technology.parameters {
        case .thermal, .storage: 0
        case let .bioenergy(bio): bio.biogenicFraction
        case .variable, .reservoir: 1
        }
    }
}
