import ArgumentParser

/// `--seed` of the commands that generate a year's hourly series (`run`, `profiles`,
/// `lp export`): its help, and its parsing with a message that says what a seed is
/// (ArgumentParser's own said only that `-5` was invalid).
enum WeatherSeed {
    static let help: ArgumentHelp = "Weather seed, a whole number from 0 to \(UInt64.max) (default: the scenario's weather.seed)."

    static func parse(_ text: String) throws -> UInt64 {
        guard let seed = UInt64(text) else { throw ValidationError("expected a whole number from 0 to \(UInt64.max)") }
        return seed
    }
}
