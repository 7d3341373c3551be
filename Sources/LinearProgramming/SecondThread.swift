import Foundation
import Synchronization

/// The second thread of a two-thread solve (`SolverOptions.threads` = 2): a thread kept
/// from pass to pass and from solve to solve, which waits for its half of a pass by
/// spinning on an atomic counter rather than sleeping.
///
/// A solve forks and joins some ten times an iteration (three passes over the columns,
/// forming A Θ Aᵀ, the band factor and the two ends of each band solve), every 0.2–3 ms.
/// Handed to `DispatchQueue.concurrentPerform`, each fork woke a sleeping thread — on the
/// virtual machines capsim runs on, a halted virtual CPU — and each join put one back
/// to sleep: the 2030 LP took 0.37 s on two threads against 0.41 s on one (best of
/// twelve, interleaved), and 0.30 s with this thread. While it has work every few
/// milliseconds it spins; after `idleSpin` without work it sleeps on a semaphore, so a
/// finished solve leaves no thread busy. The caller's wait for the second half spins
/// too. Both spins yield the core every 4 096 checks, so that a two-thread solve on one
/// core, or beside other work, still progresses: the 2030 LP with `--threads 2` pinned
/// to one core (`taskset -c 0`) took 1.1–1.2 s while the idle spin did not yield, and
/// takes 0.45–0.55 s, as on one thread.
final class SecondThread: @unchecked Sendable {
    /// Threads not running a pass, reused by the next one.
    private static let idle = Mutex<[SecondThread]>([])
    /// How long a thread spins for its next half before it sleeps.
    private static let idleSpin = Duration.milliseconds(2)

    /// Passes handed over and passes finished; a pass is posted only when the previous
    /// one is finished, so `done` trails `posted` by at most one.
    private let posted = Atomic<Int>(0), done = Atomic<Int>(0)
    private let sleeping = Atomic<Bool>(false)
    private let wake = DispatchSemaphore(value: 0)
    /// The work whose half 1 this thread runs; written before `posted` is raised and
    /// cleared after `done` catches up, so the two threads never touch it at once.
    private var pass: (any HalvedWork)?

    /// Runs `work`'s half 0 on the calling thread and its half 1 on a second thread at
    /// once, and returns when both are done. The two halves must not write the same
    /// memory. A pass allocates nothing once the thread exists: the work is a reference
    /// (closures, handed over with `withoutActuallyEscaping`, put their contexts on the
    /// heap — nine a 2030 iteration, counted with a `malloc` shim;
    /// `DispatchQueue.concurrentPerform` made 27).
    static func run(_ work: some HalvedWork) {
        let thread = idle.withLock { $0.popLast() } ?? SecondThread()
        thread.post(work)
        work.runHalf(0)
        thread.join()
        idle.withLock { $0.append(thread) }
    }

    private init() {
        let thread = Thread { [unowned self] in self.serve() }
        thread.name = "capsim second half"
        thread.start()
    }

    private func post(_ work: any HalvedWork) {
        pass = work
        posted.add(1, ordering: .sequentiallyConsistent)
        if sleeping.load(ordering: .sequentiallyConsistent) { wake.signal() }
    }

    /// Spins until the posted half is done, yielding the core every 4 096 checks.
    private func join() {
        let target = posted.load(ordering: .relaxed)
        var spins = 0
        while done.load(ordering: .acquiring) != target {
            spins &+= 1
            if spins & 4095 == 0 { sched_yield() }
        }
        pass = nil
    }

    /// The thread's loop: waits for a posted half (spinning, then sleeping after
    /// `idleSpin`), runs it and marks it done.
    private func serve() {
        let clock = ContinuousClock()
        var seen = 0
        while true {
            var spins = 0, deadline = clock.now + Self.idleSpin
            while posted.load(ordering: .acquiring) == seen {
                spins &+= 1
                guard spins & 4095 == 0 else { continue }
                sched_yield()
                guard clock.now > deadline else { continue }
                sleeping.store(true, ordering: .sequentiallyConsistent)
                if posted.load(ordering: .sequentiallyConsistent) == seen { wake.wait() }
                sleeping.store(false, ordering: .sequentiallyConsistent)
                deadline = clock.now + Self.idleSpin
            }
            seen += 1
            runSecondHalf()
            done.store(seen, ordering: .releasing)
        }
    }

    /// Runs the posted work's half 1.
    @inline(never)
    private func runSecondHalf() {
        pass?.runHalf(1)
    }
}
