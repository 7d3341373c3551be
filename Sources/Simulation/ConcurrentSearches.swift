import Dispatch
import LinearProgramming
import Synchronization

extension Projection {
    /// Runs `searches` — the measured-lever searches of different targets — on up to
    /// `cores` cores and returns what each returned or threw, in their order.
    ///
    /// One search is a chain (each amount is chosen from the verdict on the one before),
    /// but the searches of two targets share nothing, so they run side by side, one a
    /// core, each solve on one thread. A search that runs alone — the only one, or the
    /// last once the others are done — solves on two threads from the next iteration on
    /// (`SolverOptions.spareCore`, released once at most half the cores are busy). A
    /// solve's iterates are the same on one thread or two, so the results do not depend
    /// on `cores` or on which search finishes first.
    public func runConcurrently<Response: Sendable>(_ searches: [@Sendable (Projection) throws(ProjectionError) -> Response],
                                                    cores: Int) -> [Result<Response, ProjectionError>] {
        let workers = max(1, min(cores, searches.count))
        let spare = SpareCore()
        var configured = self
        configured.options.spareCore = spare
        let projection = configured
        let queue = Mutex(SearchQueue<Response>(busy: workers, results: Array(repeating: nil, count: searches.count)))
        if cores >= 2 * workers { spare.release() }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = queue.withLock({ $0.take(cores: cores, spare: spare) }) {
                let result = Result { () throws(ProjectionError) in try searches[index](projection) }
                queue.withLock { $0.results[index] = result }
            }
        }
        return queue.withLock { queue in queue.results.compactMap { $0 } }
    }
}

/// The searches not yet started and the results of those done, shared by the workers of
/// `Projection.runConcurrently`.
private struct SearchQueue<Response: Sendable>: Sendable {
    var next = 0
    /// Workers still running a search or about to take one.
    var busy: Int
    var results: [Result<Response, ProjectionError>?]

    /// The next search's index, or nil when none is left — the worker then stops, and once
    /// at most half of `cores` are busy, each of the searches still running may take
    /// the `spare` core for a second thread.
    mutating func take(cores: Int, spare: SpareCore) -> Int? {
        guard next < results.count else {
            busy -= 1
            if 2 * busy <= cores { spare.release() }
            return nil
        }
        defer { next += 1 }
        return next
    }
}
