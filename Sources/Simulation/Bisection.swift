/// The search the measured levers share (`firmResponse`, `storageResponse`, `pvResponse`): an amount
/// `meets` known to meet a target and an amount `misses` known to miss it, narrowed by
/// halving until they are within `resolution` of each other or `limit` dispatches have
/// been made. Each test of an amount is one dispatch of the year.
struct Bisection {
    var meets: Double, misses: Double
    var dispatches: Int

    /// Halves the interval while it is wider than `resolution(meets)` GW and fewer than
    /// `limit` dispatches have been made; `test` says whether an amount meets.
    mutating func narrow(resolution: (Double) -> Double, limit: Int, _ test: (Double) throws(ProjectionError) -> Bool) throws(ProjectionError) {
        while meets - misses > resolution(meets), dispatches < limit {
            let middle = (meets + misses) / 2
            if try test(middle) { meets = middle } else { misses = middle }
            dispatches += 1
        }
    }

    /// From `start` (0 known to miss), doubled until `test` meets, at most `doublings`
    /// times: the search between the last amount that missed and the first that met, or
    /// nil when none did; the largest amount tried, and the dispatches made.
    static func bracket(from start: Double, doublings: Int, _ test: (Double) throws(ProjectionError) -> Bool) throws(ProjectionError)
        -> (search: Bisection?, largest: Double, dispatches: Int) {
        var (amount, missed, dispatches) = (start, 0.0, 0)
        while true {
            dispatches += 1
            if try test(amount) { return (Bisection(meets: amount, misses: missed, dispatches: dispatches), amount, dispatches) }
            guard dispatches <= doublings else { return (nil, amount, dispatches) }
            (missed, amount) = (amount, 2 * amount)
        }
    }
}
