import Accounting
import EconomicDispatch
import EnergyModel
import Foundation

/// The JSON document of `capsim run --json FILE`, schema `capsim.run/1` (docs/json.md).
/// Keys are snake_case through explicit coding keys (not the encoder's key strategy,
/// which would also rewrite technology ids used as keys).
public enum ProjectionJSON {
    public static func data(_ outcome: ProjectionOutcome) throws -> Data {
        let document = Document(
            schema: "capsim.run/1",
            scenario: .init(name: outcome.scenario.name, file: outcome.scenario.file,
                            accountingMethod: outcome.scenario.accounting.method.rawValue, weatherSeed: outcome.seed, set: outcome.settings),
            years: outcome.years.map(YearRecord.init),
            targets: outcome.scorecard.entries.map(TargetRecord.init))
        return try JSONOutput.encode(document)
    }

    struct Document: Encodable {
        struct ScenarioInfo: Encodable {
            var name: String
            var file: String
            var accountingMethod: String
            var weatherSeed: UInt64
            /// The values `--set` replaced, `KEY=VALUE`.
            var set: [String]

            enum CodingKeys: String, CodingKey {
                case name, file, set, accountingMethod = "accounting_method", weatherSeed = "weather_seed"
            }
        }
        var schema: String
        var scenario: ScenarioInfo
        var years: [YearRecord]
        var targets: [TargetRecord]
    }

    /// One year: what went in, what came out.
    struct YearRecord: Encodable {
        struct Inputs: Encodable {
            struct TechnologyInputs: Encodable {
                var id: String
                var kind: String
                var capacityGw: Double
                var averageCapacityGw: Double
                var marginalCostYuanPerMwh: Double
                var heatRateGcePerKwh: Double?
                var usableEnergyGwh: Double?
                var usableFraction: Double?

                enum CodingKeys: String, CodingKey {
                    case id, kind, capacityGw = "capacity_gw", averageCapacityGw = "average_capacity_gw", marginalCostYuanPerMwh = "marginal_cost_yuan_per_mwh", heatRateGcePerKwh = "heat_rate_gce_per_kwh", usableEnergyGwh = "usable_energy_gwh", usableFraction = "usable_fraction"
                }
            }
            struct GridInputs: Encodable {
                var importLimitGw: Double
                var exportLimitGw: Double
                var importPriceYuanPerMwh: Double
                var exportPriceYuanPerMwh: Double
                var nonFossilShare: Double

                enum CodingKeys: String, CodingKey {
                    case importLimitGw = "import_limit_gw", exportLimitGw = "export_limit_gw", importPriceYuanPerMwh = "import_price_yuan_per_mwh", exportPriceYuanPerMwh = "export_price_yuan_per_mwh", nonFossilShare = "non_fossil_share"
                }
            }
            var technologies: [TechnologyInputs]
            var grid: GridInputs?
            var carbonPriceYuanPerT: Double
            var valueOfLostLoadYuanPerMwh: Double
            var primaryElectricityFactorTcePerGwh: Double

            enum CodingKeys: String, CodingKey {
                case technologies, grid, carbonPriceYuanPerT = "carbon_price_yuan_per_t", valueOfLostLoadYuanPerMwh = "value_of_lost_load_yuan_per_mwh", primaryElectricityFactorTcePerGwh = "primary_electricity_factor_tce_per_gwh"
            }
        }
        struct StorageRecord: Encodable {
            var id: String
            var kind: String
            var chargeGwh: Double
            var dischargeGwh: Double
            var cycles: Double
            var usableEnergyGwh: Double
            var sameHourGwh: Double
            var sameHourHours: Double

            enum CodingKeys: String, CodingKey {
                case id, kind, chargeGwh = "charge_gwh", dischargeGwh = "discharge_gwh", cycles, usableEnergyGwh = "usable_energy_gwh"
                case sameHourGwh = "same_hour_gwh", sameHourHours = "same_hour_hours"
            }
        }
        struct EnergyByFuel: Encodable {
            var coal: Double
            var oil: Double
            var naturalGas: Double
            var primaryElectricity: Double
            var netImportedElectricity: Double
            var otherNonFossil: Double
            var total: Double
            var nonFossil: Double

            enum CodingKeys: String, CodingKey {
                case coal, oil, naturalGas = "natural_gas", primaryElectricity = "primary_electricity", netImportedElectricity = "net_imported_electricity", otherNonFossil = "other_non_fossil", total, nonFossil = "non_fossil"
            }
        }
        struct Fuels: Encodable {
            var rawCoalT: Double
            var naturalGasM3: Double
            var oilT: Double
            var coalPowerTce: Double
            var gasPowerTce: Double

            enum CodingKeys: String, CodingKey {
                case rawCoalT = "raw_coal_t", naturalGasM3 = "natural_gas_m3", oilT = "oil_t", coalPowerTce = "coal_power_tce", gasPowerTce = "gas_power_tce"
            }
        }
        struct Solver: Encodable {
            var status: String
            var objective: Double
            var iterations: Int
            var seconds: Double
            var path: String
            var rows: Int
            var columns: Int
        }
        var year: Int
        var inputs: Inputs
        var loadGwh: Double
        var peakLoadGw: Double
        var generationGwh: [String: Double]
        var fullLoadHours: [String: Double]
        var curtailmentGwh: Double
        var curtailmentShare: Double
        var spillGwh: Double
        var importsGwh: Double
        var exportsGwh: Double
        var unservedGwh: Double
        var lossOfLoadHours: Double
        var storage: [StorageRecord]
        var energyTce: EnergyByFuel
        var fuels: Fuels
        var nonFossilShare: Double
        var co2T: Double
        var costYuan: Double
        var averagePriceYuanPerMwh: Double
        var peakPriceYuanPerMwh: Double
        var solver: Solver

        enum CodingKeys: String, CodingKey {
            case year, inputs, loadGwh = "load_gwh", peakLoadGw = "peak_load_gw", generationGwh = "generation_gwh", fullLoadHours = "full_load_hours", curtailmentGwh = "curtailment_gwh", curtailmentShare = "curtailment_share", spillGwh = "spill_gwh", importsGwh = "imports_gwh", exportsGwh = "exports_gwh", unservedGwh = "unserved_gwh", lossOfLoadHours = "loss_of_load_hours", storage, energyTce = "energy_tce", fuels, nonFossilShare = "non_fossil_share", co2T = "co2_t", costYuan = "cost_yuan", averagePriceYuanPerMwh = "average_price_yuan_per_mwh", peakPriceYuanPerMwh = "peak_price_yuan_per_mwh", solver
        }

        init(_ outcome: YearOutcome) {
            let account = outcome.account, energy = account.energy
            year = outcome.year
            inputs = Inputs(
                technologies: outcome.conditions.technologies.map { unit in
                    Inputs.TechnologyInputs(
                        id: unit.technology.id, kind: unit.technology.kind.rawValue, capacityGw: unit.capacity, averageCapacityGw: unit.averageCapacity,
                        marginalCostYuanPerMwh: unit.marginalCost / 1000, heatRateGcePerKwh: unit.heatRate,
                        usableEnergyGwh: unit.energyInService,
                        usableFraction: unit.technology.kind.isStorage ? unit.usableFraction : nil)
                },
                grid: outcome.conditions.grid.map {
                    Inputs.GridInputs(importLimitGw: $0.importLimit, exportLimitGw: $0.exportLimit, importPriceYuanPerMwh: $0.importPrice / 1000,
                                      exportPriceYuanPerMwh: $0.exportPrice / 1000, nonFossilShare: $0.nonFossilShare)
                },
                carbonPriceYuanPerT: outcome.conditions.carbonPrice, valueOfLostLoadYuanPerMwh: outcome.conditions.valueOfLostLoad / 1000,
                primaryElectricityFactorTcePerGwh: account.primaryElectricityFactor)
            loadGwh = energy.load
            peakLoadGw = energy.peakLoad
            let generators = energy.technologies.filter { !$0.kind.isStorage }
            generationGwh = Dictionary(uniqueKeysWithValues: generators.map { ($0.id, $0.generation) })
            fullLoadHours = Dictionary(uniqueKeysWithValues: energy.technologies.map { ($0.id, $0.fullLoadHours) })
            curtailmentGwh = account.curtailed
            curtailmentShare = account.curtailmentFraction
            spillGwh = energy.technologies.reduce(0) { $0 + $1.spilled }
            importsGwh = energy.imports
            exportsGwh = energy.exports
            unservedGwh = energy.unserved
            lossOfLoadHours = energy.lossOfLoadHours
            storage = energy.technologies.filter(\.kind.isStorage).map {
                StorageRecord(id: $0.id, kind: $0.kind.rawValue, chargeGwh: $0.charge, dischargeGwh: $0.generation, cycles: $0.cycles, usableEnergyGwh: $0.energyCapacity,
                              sameHourGwh: $0.sameHour, sameHourHours: $0.sameHourHours)
            }
            energyTce = EnergyByFuel(
                coal: account.coal, oil: account.oil, naturalGas: account.naturalGas, primaryElectricity: account.primaryElectricity,
                netImportedElectricity: account.netImportedElectricity, otherNonFossil: account.otherNonFossil,
                total: account.totalEnergyConsumption, nonFossil: account.nonFossilEnergy)
            fuels = Fuels(rawCoalT: account.rawCoalMass, naturalGasM3: account.naturalGasVolume, oilT: account.oilMass,
                          coalPowerTce: account.coalPowerFuel, gasPowerTce: account.gasPowerFuel)
            nonFossilShare = account.nonFossilShare
            co2T = account.co2Emissions
            costYuan = energy.cost
            averagePriceYuanPerMwh = energy.averagePrice / 1000
            peakPriceYuanPerMwh = energy.peakPrice / 1000
            let s = outcome.solver
            solver = Solver(status: s.status, objective: s.objective, iterations: s.iterations, seconds: s.seconds, path: s.path, rows: s.rows, columns: s.columns)
        }
    }
}
