// synthetic-lp: writes capsim's synthetic dispatch LP (see SyntheticDispatch) as MPS,
// or with --capacity the LP with one dense column (`SyntheticDispatch.capacityProblem`).
//
//   swift run -c release synthetic-lp --hours 8760 [--link] [--capacity] [--seed 1] [--out file.mps]
//
// Without --out the MPS goes to standard output. A one-line summary (name, rows,
// columns, nonzeros, objective constant, the coal cap) goes to standard error.
import Foundation
import LinearProgramming
import SyntheticDispatch

let usage = "usage: synthetic-lp [--hours N (default 8760, at least 1)] [--link | --capacity] [--seed S (default 1)] [--out FILE]"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("synthetic-lp: \(message)\n\(usage)\n".utf8))
    exit(2)
}

var hours = 8760, link = false, capacity = false, seed: UInt64 = 1
var output: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--hours":
        guard let value = arguments.popFirst().flatMap({ Int($0) }), value >= 1 else { fail("--hours needs a whole number ≥ 1") }
        hours = value
    case "--link":
        link = true
    case "--capacity":
        capacity = true
    case "--seed":
        guard let value = arguments.popFirst().flatMap({ UInt64($0) }) else { fail("--seed needs a whole number ≥ 0") }
        seed = value
    case "--out":
        guard let value = arguments.popFirst() else { fail("--out needs a file name") }
        output = value
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        fail("unknown argument \(argument)")
    }
}

if link && capacity { fail("--link and --capacity are two different problems: give one") }
let lp = capacity ? SyntheticDispatch.capacityProblem(hours: hours) : SyntheticDispatch.problem(hours: hours, annualLinkingRow: link, seed: seed)
if let problem = lp.inconsistency() { fail("the generated problem is inconsistent: \(problem)") }
let text: String
do {
    text = try MPSWriter.text(lp)
} catch {
    fail("\(error)")
}
if let output {
    do {
        try text.write(toFile: output, atomically: true, encoding: .utf8)
    } catch {
        fail("cannot write \(output): \(error.localizedDescription)")
    }
} else {
    FileHandle.standardOutput.write(Data(text.utf8))
}
var summary = "\(lp.name): \(lp.rowCount) rows, \(lp.columnCount) columns, \(lp.matrix.nonzeroCount) nonzeros, "
    + "objective constant \(lp.objectiveConstant)"
if link { summary += ", coalcap \(SyntheticDispatch.coalCap(hours: hours, seed: seed)) GWh" }
FileHandle.standardError.write(Data((summary + "\n").utf8))
