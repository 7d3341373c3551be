/// The search the measured levers share (`firmResponse`, `storageResponse`): an amount
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
}
