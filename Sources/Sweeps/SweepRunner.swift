import Dispatch
import EnergyModel
import Foundation
import LinearProgramming
import Profiles

/// Runs points on `jobs` threads, one solver each (OpenBLAS single-threaded), and hands
/// every finished point to `deliver` on the calling thread, in the order they finish —
/// so files are written by one thread only. A point that fails (`PointFailure`) goes to
/// `failed`, on the calling thread too, and the others go on; without `failed` (a search,
/// which needs every value), or on any other error, the first failure stops the sweep: no
/// new point starts, and it is rethrown once the points in flight are done. Points whose
/// axes only size storage share one `ProfileCache` (`profiles`, or one made here); each
/// worker keeps its solver setup from point to point (`SolverSession`).
///
/// Once at most half of the `jobs` are busy — fewer points than jobs (a search's trial of
/// one seed), or the last points of a sweep — the points still running solve on two
/// threads from their next iteration (`SolverOptions.spareCore`), so no more threads run
/// than `jobs`, and no core is left idle that a point could use. A point's results do not
/// depend on its threads.
public enum SweepRunner {
    public static func run(_ indices: [Int], plan: SweepPlan, root: SourceNode, jobs: Int, profiles: ProfileCache? = nil,
                           failed: ((PointFailure) throws -> Void)? = nil, deliver: (PointResult) throws -> Void) throws {
        guard !indices.isEmpty else { return }
        let cache = profiles ?? plan.profileCache(root: root)
        let workers = max(1, min(jobs, indices.count))
        let queue = WorkQueue(indices, busy: workers)
        let finished = DispatchSemaphore(value: 0)
        let spare = SpareCore()
        if 2 * workers <= jobs { spare.release() }
        for _ in 0..<workers {
            DispatchQueue.global(qos: .userInitiated).async {
                let session = SolverSession()
                while let index = queue.next() {
                    let outcome = Result {
                        try PointResult.evaluate(plan.point(index), plan: plan, root: root, profiles: cache, session: session, spareCore: spare)
                    }
                    queue.finish(outcome)
                    finished.signal()
                }
                if 2 * queue.retire() <= jobs { spare.release() }
                finished.signal()
            }
        }
        var firstError: Error?
        var retired = 0
        while retired < workers {
            finished.wait()
            switch queue.take() {
            case let .result(.success(result))?:
                guard firstError == nil else { continue }
                do { try deliver(result) } catch {
                    firstError = error
                    queue.stop()
                }
            case let .result(.failure(error))?:
                guard firstError == nil else { continue }
                do {
                    guard let failed, let failure = error as? PointFailure else { throw error }
                    try failed(failure)
                } catch {
                    firstError = error
                    queue.stop()
                }
            case .retired?:
                retired += 1
            case nil:
                continue
            }
        }
        if let firstError { throw firstError }
    }
}

/// The points still to start and the outcomes not yet delivered, shared between the
/// worker threads and the delivering thread under one lock.
private final class WorkQueue: @unchecked Sendable {
    enum Event {
        case result(Result<PointResult, Error>)
        case retired
    }

    private let lock = NSLock()
    private var pending: ArraySlice<Int>
    private var events: [Event] = []
    private var stopped = false
    /// Workers that have not retired.
    private var busy: Int

    init(_ indices: [Int], busy: Int) {
        pending = indices[...]
        self.busy = busy
    }

    func next() -> Int? {
        lock.withLock { stopped ? nil : pending.popFirst() }
    }

    func finish(_ outcome: Result<PointResult, Error>) {
        lock.withLock { events.append(.result(outcome)) }
    }

    /// A worker is done; returns how many still run.
    func retire() -> Int {
        lock.withLock {
            events.append(.retired)
            busy -= 1
            return busy
        }
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    func take() -> Event? {
        lock.withLock { events.isEmpty ? nil : events.removeFirst() }
    }
}
