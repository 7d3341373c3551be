import Foundation
import LinearProgramming

/// How `capsim lp solve` shows a result: text for a terminal, JSON (`capsim.lp/1`) for
/// scripts, and a CSV of the solution. Numbers are printed with 17 significant digits,
/// enough to read back the same double.
enum LPSolveReport {
    static func text(_ s: LPSolution, lp: LinearProgram, file: String) -> String {
        var lines = [
            "problem     \(lp.name) (\(file)): \(lp.rowCount) rows, \(lp.columnCount) columns, \(lp.matrix.nonzeroCount) nonzeros",
            "status      \(s.status.rawValue) (\(s.message))",
            "objective   \(s.status == .optimal ? full(s.objective) : "none")",
            "iterations  \(s.iterations)",
            "seconds     \(String(format: "%.6f", s.seconds))",
            "path        \(s.path.rawValue)",
        ]
        if s.denseColumns > 0 {
            lines.append("dense       \(s.denseColumns) column\(s.denseColumns == 1 ? "" : "s") kept out of the band and eliminated apart")
        }
        if s.primalInfeasibility.isFinite {
            lines.append("residuals   primal \(short(s.primalInfeasibility)), dual \(short(s.dualInfeasibility)), gap \(short(s.gap)) (relative, scaled problem)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ s: LPSolution, lp: LinearProgram, file: String) -> String {
        func number(_ v: Double) -> String { v.isFinite ? full(v) : "null" }
        let fields: [(String, String)] = [
            ("schema", quoted("capsim.lp/1")), ("problem", quoted(lp.name)), ("file", quoted(file)),
            ("rows", "\(lp.rowCount)"), ("columns", "\(lp.columnCount)"), ("nonzeros", "\(lp.matrix.nonzeroCount)"),
            ("status", quoted(s.status.rawValue)), ("message", quoted(s.message)),
            ("objective", s.status == .optimal ? number(s.objective) : "null"),
            ("iterations", "\(s.iterations)"), ("seconds", number(s.seconds)), ("path", quoted(s.path.rawValue)),
            ("dense_columns", "\(s.denseColumns)"),
            ("primal_infeasibility", number(s.primalInfeasibility)), ("dual_infeasibility", number(s.dualInfeasibility)),
            ("gap", number(s.gap)),
        ]
        return "{\n" + fields.map { "  \(quoted($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// `kind,name,value,dual`: columns with value and reduced cost, rows with activity and dual.
    static func csv(_ s: LPSolution, lp: LinearProgram) -> String {
        var text = "kind,name,value,dual\n"
        for j in 0..<lp.columnCount { text += "column,\(lp.columnNames[j]),\(full(s.x[j])),\(full(s.reducedCosts[j]))\n" }
        for i in 0..<lp.rowCount { text += "row,\(lp.rowNames[i]),\(full(s.rowActivity[i])),\(full(s.rowDuals[i]))\n" }
        return text
    }

    private static func full(_ v: Double) -> String { String(format: "%.17g", v) }
    private static func short(_ v: Double) -> String { String(format: "%.1e", v) }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
