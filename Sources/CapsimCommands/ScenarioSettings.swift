import ArgumentParser
import EnergyModel
import Foundation
import Sweeps

/// `--set KEY=VALUE` of `run`, `lp export`, `capacity`, `validate` and `profiles`: one
/// scenario value replaced for this run, read, unit-checked and validated as if the file
/// had written it (`ScenarioOverride`, as a sweep sets its axes) — a what-if, such as a
/// lever the scorecard suggests, without a variant file.
struct ScenarioSettings: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Replace one scenario value, with its unit, e.g. technologies.lfp_bases.capacity=2GW (repeatable).",
                                                         valueName: "KEY=VALUE"))
    var values: [String] = []

    /// The overrides, each read as a sweep axis of one value; a usage error (exit 2)
    /// names what is wrong.
    func overrides() throws(CommandFailure) -> [ScenarioOverride] {
        var overrides: [ScenarioOverride] = []
        for text in values {
            guard let equals = text.firstIndex(of: "="), !text[..<equals].allSatisfy(\.isWhitespace) else {
                throw usage("--set \(text): expected KEY=VALUE (a scenario key, then its value with its unit)")
            }
            guard text[..<equals].trimmingCharacters(in: .whitespaces) != "weather.seed" else {
                throw usage("--set \(text): the weather seed is an option of its own, --seed of run, profiles and lp export, --seeds of sweep")
            }
            let axis: SweepAxis
            switch SweepAxis.parse(text) {
            case let .success(parsed): axis = parsed
            case let .failure(error): throw usage(error.message)
            }
            guard axis.values.count == 1 else {
                throw usage("--set \(axis.path): \(axis.values.count) values, expected one (capsim sweep runs one projection per value)")
            }
            if overrides.contains(where: { $0.path == axis.path }) {
                throw usage("--set \(axis.path) given twice: give the key once")
            }
            if let earlier = overrides.first(where: { SweepAxis.overlaps($0.path, axis.path) }) {
                throw usage("--set \(earlier.path) and --set \(axis.path): \(SweepAxis.overlapProblem)")
            }
            overrides.append(axis.override(at: 0))
        }
        return overrides
    }

    /// The scenario at `file` with the overrides laid over it.
    func scenario(_ file: String) throws(CommandFailure) -> Scenario {
        try CapsimMain.loadScenario(file, overrides: overrides())
    }

    private func usage(_ message: String) -> CommandFailure {
        Console.current.err("capsim: \(message)\n")
        return CommandFailure(status: .usage)
    }
}
