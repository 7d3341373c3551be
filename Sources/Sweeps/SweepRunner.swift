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
public enum SweepRunner {
    public static func run(_ indices: [Int], plan: SweepPlan, root: SourceNode, jobs: Int, profiles: ProfileCache? = nil,
                           failed: ((PointFailure) throws -> Void)? = nil, deliver: (PointResult) throws -> Void) throws {
        guard !indices.isEmpty else { return }
        let cache = profiles ?? plan.profileCache(root: root)
        let queue = WorkQueue(indices)
        let finished = DispatchSemaphore(value: 0)
        let workers = max(1, min(jobs, indices.count))
        for _ in 0..<workers {
            DispatchQueue.global(qos: .userInitiated).async {
                let session = SolverSession()
                while let index = queue.next() {
                    let outcome = Result { try PointResult.evaluate(plan.point(index), plan: plan, root: root, profiles: cache, session: session) }
                    queue.finish(outcome)
                    finished.signal()
                }
                queue.retire()
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

    init(_ indices: [Int]) {
        pending = indices[...]
    }

    func next() -> Int? {
        lock.withLock { stopped ? nil : pending.popFirst() }
    }

    func finish(_ outcome: Result<PointResult, Error>) {
        lock.withLock { events.append(.result(outcome)) }
    }

    func retire() {
        lock.withLock { events.append(.retired) }
    }

    func stop() {
        lock.withLock { stopped = true }
    }

    func take() -> Event? {
        lock.withLock { events.isEmpty ? nil : events.removeFirst() }
    }
}
