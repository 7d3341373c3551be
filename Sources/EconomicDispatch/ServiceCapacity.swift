import EnergyModel
import Profiles

/// Capacity in service hour by hour within a year, from a trajectory of end-of-year values.
///
/// Rule (see docs/dispatch.md): growth between milestones and commissioning events
/// written without a date count from 1 January of their year; an event written
/// `on YYYY-MM-DD` counts from 00:00 of that day, so the year's energy is pro rata:
///
///     C_t = C(y) − Σ { change of the events of year y dated after hour t }
///
/// (29 February, which capsim's calendar drops, counts as 1 March.)
enum ServiceCapacity {
    static func hourly(_ trajectory: Trajectory, year: Int) -> [Double] {
        var capacity = [Double](repeating: trajectory.value(in: year), count: ProfileCalendar.hoursPerYear)
        for event in trajectory.events where event.year == year {
            guard let dayOfYear = event.dayOfYear else { continue }
            for t in 0..<min(24 * dayOfYear, capacity.count) { capacity[t] -= event.change }
        }
        return capacity.map { max(0, $0) }
    }

    /// A storage technology's nameplate energy in service hour by hour, GWh: its energy
    /// trajectory's, or its power's times its duration.
    static func storageEnergy(_ storage: Storage, power: Trajectory, year: Int) -> [Double] {
        if let energy = storage.energy { return hourly(energy, year: year) }
        return hourly(power, year: year).map { $0 * (storage.durationHours ?? 0) }
    }
}
