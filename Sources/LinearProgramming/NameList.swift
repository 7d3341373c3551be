/// The names of an LP's rows or of its columns: given one by one (as an MPS file lists
/// them), or as runs of numbered names `prefix_k` made only when one is asked for.
///
/// A one-year dispatch LP has some 190 000 rows and columns named `quantity_hour`.
/// Spelled out, their strings took a third of the time to build the LP and some 12 MB,
/// for every year of a projection and every point of a sweep, while only an MPS export,
/// a solution file or an error message reads them. A numbered run stores its prefix and
/// numbers once, and `names[i]` makes the one string asked for.
public struct NameList: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral, Equatable, Sendable {
    /// Positions `start ..< start + count`: names `listed[first ..< first + count]`, or
    /// `prefix_k` for k from `first` on.
    private struct Run: Sendable {
        var start: Int, count: Int, first: Int
        var prefix: String?
    }

    private var runs: [Run] = []
    private var listed: [String] = []

    public init() {}

    public init(_ names: [String]) {
        if !names.isEmpty { runs = [Run(start: 0, count: names.count, first: 0, prefix: nil)] }
        listed = names
    }

    public init(arrayLiteral names: String...) {
        self.init(names)
    }

    /// Appends one name.
    public mutating func append(_ name: String) {
        if let last = runs.last, last.prefix == nil, last.first + last.count == listed.count {
            runs[runs.count - 1].count += 1
        } else {
            runs.append(Run(start: endIndex, count: 1, first: listed.count, prefix: nil))
        }
        listed.append(name)
    }

    /// Appends `prefix_k` for each k in `numbers`.
    public mutating func append(prefix: String, numbers: Range<Int>) {
        guard !numbers.isEmpty else { return }
        runs.append(Run(start: endIndex, count: numbers.count, first: numbers.lowerBound, prefix: prefix))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { runs.last.map { $0.start + $0.count } ?? 0 }

    public subscript(position: Int) -> String {
        get {
            let run = runs[runIndex(position)], offset = position - run.start
            guard let prefix = run.prefix else { return listed[run.first + offset] }
            return prefix + "_" + String(run.first + offset)
        }
        set {
            let index = runIndex(position), run = runs[index], offset = position - run.start
            guard run.prefix != nil else {
                listed[run.first + offset] = newValue
                return
            }
            // A numbered run is split around the position: before, the new name, after.
            var pieces = [Run(start: position, count: 1, first: listed.count, prefix: nil)]
            listed.append(newValue)
            if offset > 0 { pieces.insert(Run(start: run.start, count: offset, first: run.first, prefix: run.prefix), at: 0) }
            if offset + 1 < run.count {
                pieces.append(Run(start: position + 1, count: run.count - offset - 1, first: run.first + offset + 1, prefix: run.prefix))
            }
            runs.replaceSubrange(index...index, with: pieces)
        }
    }

    /// The run holding `position` (a binary search over their starts).
    private func runIndex(_ position: Int) -> Int {
        precondition(position >= 0 && position < endIndex, "name \(position) of \(endIndex)")
        var (low, high) = (0, runs.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if runs[middle].start <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }

    public static func == (lhs: NameList, rhs: NameList) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
