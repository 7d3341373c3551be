import Foundation
import Testing
@testable import LinearProgramming

/// Small hand-written MPS texts with every section, bound type and range case; error
/// messages with their lines; writer round trips; and the Netlib problems when present.
@Suite struct MPSTests {
    @Test func readsEverySection() throws {
        let lp = try MPSReader.parse("""
            NAME          TESTLP
            ROWS
             N  COST
             E  BAL
             L  CAP
             G  DEM
             N  SPARE
            COLUMNS
                X         COST         1.0   BAL          1.0
                X         CAP          2.0   SPARE        9.0
                Y         COST        -2.5   BAL         -1.0
                Y         DEM          1.0
                Z         CAP          1.0   DEM          3.0
            RHS
                RHS       COST         10.0  BAL          4.0
                RHS       CAP          8.0   DEM          1.5
                RHS       SPARE        7.0
            RANGES
                RNG       CAP          3.0   SPARE        1.0
            BOUNDS
             UP BND       X            4.0
             LO BND       Y           -1.0
             UP BND       Y            6.0
             FR BND       Z
            ENDATA
            """)
        let expected = LinearProgram(
            name: "TESTLP", objective: [1, -2.5, 0], objectiveConstant: -10,
            matrix: SparseMatrix(rowCount: 3, columnCount: 3, triplets: [(0, 0, 1), (1, 0, 2), (0, 1, -1), (2, 1, 1), (1, 2, 1), (2, 2, 3)]),
            rowLower: [4, 5, 1.5], rowUpper: [4, 8, .infinity],
            columnLower: [0, -1, -.infinity], columnUpper: [4, 6, .infinity],
            rowNames: ["BAL", "CAP", "DEM"], columnNames: ["X", "Y", "Z"], objectiveName: "COST")
        #expect(lp == expected)
    }

    @Test(arguments: [
        ("E", 3.0, 4.0, 7.0), ("E", -3.0, 1.0, 4.0), ("E", 0.0, 4.0, 4.0),
        ("L", 3.0, 1.0, 4.0), ("L", -3.0, 1.0, 4.0),
        ("G", 3.0, 4.0, 7.0), ("G", -3.0, 4.0, 7.0),
    ])
    func rangeOnRowWithRHS4(type: String, range: Double, lower: Double, upper: Double) throws {
        let lp = try MPSReader.parse("""
            ROWS
             N  OBJ
             \(type)  R
            COLUMNS
                X  R  1
            RHS
                RHS  R  4
            RANGES
                RNG  R  \(range)
            ENDATA
            """)
        #expect(lp.rowLower == [lower])
        #expect(lp.rowUpper == [upper])
    }

    static let boundCases: [(lines: String, lower: Double, upper: Double)] = [
        ("", 0.0, Double.infinity),
        (" UP BND X 4", 0, 4),
        (" UP BND X -4", -.infinity, -4),
        (" LO BND X -10\n UP BND X -4", -10, -4),
        (" UP BND X 0", 0, 0),
        (" UP BND X -4\n LO BND X 0", 0, -4),
        (" LO BND X 0\n UP BND X -4", 0, -4),
        (" MI BND X\n UP BND X -4", -.infinity, -4),
        (" UP BND X -4\n FX BND X 2", 2, 2),
        (" FX BND X 1\n UP BND X 5", 1, 5),
        // PL removes the upper bound, and with it the −∞ lower bound it implied.
        (" UP BND X -4\n PL BND X", 0, .infinity),
        (" LO BND X 2", 2, .infinity),
        (" FX BND X 3.5", 3.5, 3.5),
        (" FR BND X", -.infinity, .infinity),
        (" MI BND X", -.infinity, .infinity),
        (" MI BND X\n UP BND X 5", -.infinity, 5),
        (" UP BND X 5\n PL BND X", 0, .infinity),
        (" BV BND X", 0, 1),
        (" LI BND X 2\n UI BND X 9", 2, 9),
        (" UP BND X inf", 0, .infinity),
        (" LO BND X -INFINITY", -.infinity, .infinity),
        (" LO X -2", -2, .infinity),
        (" FR X", -.infinity, .infinity),
        (" MI X 0", -.infinity, .infinity),
        (" BV BND X 1", 0, 1),
        (" UP BND X 1e30", 0, 1e30),
        (" LO BND X -1e30", -1e30, .infinity),
    ]

    @Test(arguments: boundCases)
    func bound(lines: String, lower: Double, upper: Double) throws {
        let lp = try MPSReader.parse("""
            ROWS
             N  OBJ
            COLUMNS
                X  OBJ  1
            BOUNDS
            \(lines)
            ENDATA
            """)
        #expect(lp.columnLower == [lower])
        #expect(lp.columnUpper == [upper])
    }

    @Test(arguments: [
        ("OBJSENSE MAX", LinearProgram.Sense.maximize), ("OBJSENSE\n    MAX", .maximize),
        ("OBJSENSE\n    MAXIMIZE", .maximize), ("OBJSENSE MINIMIZE", .minimize),
        ("OBJSENSE\n    MIN", .minimize), ("", .minimize),
        // The sense on the next line from its first column (it was "unknown section 'MAX'"), and in lower case.
        ("OBJSENSE\nMAX", .maximize), ("OBJSENSE max", .maximize), ("OBJSENSE\n    minimize", .minimize),
    ])
    func objectiveSense(section: String, sense: LinearProgram.Sense) throws {
        let lp = try MPSReader.parse("NAME\n\(section)\nROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nENDATA\n")
        #expect(lp.sense == sense)
        #expect(lp.name == "")
    }

    @Test(arguments: [("NAME          FIXED SP", "FIXED SP"), ("NAME my lp name  ", "my lp name"), ("NAME\tA\tB", "A\tB"), ("NAME", "")])
    func nameIsTheRestOfItsLine(line: String, name: String) throws {
        #expect(try MPSReader.parse("\(line)\nROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nENDATA\n").name == name)
    }

    @Test func objectiveConstantIsMinusTheObjectiveRHS() throws {
        let lp = try MPSReader.parse("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nRHS\n    RHS  OBJ  -12.5\nENDATA\n")
        #expect(lp.objectiveConstant == 12.5)
    }

    @Test func setNamesMayBeLeftOutAndOnlyTheFirstSetCounts() throws {
        let text = """
            ROWS
             N  OBJ
             L  A
             L  B
            COLUMNS
                X  A  1  B  1
                Y  A  1
            RHS
                FIRST  A  4
                B  8
                SECOND  B  99
            RANGES
                A  3
            BOUNDS
             UP X 4
             UP FIRST Y 5
             UP SECOND Y 7
             LO THIRD Y 1
            ENDATA
            """
        let lp = try MPSReader.parse(text)
        #expect(lp.rowLower == [1, -.infinity])
        #expect(lp.rowUpper == [4, 8])
        #expect(lp.columnUpper == [4, 5])
        #expect(warnings(lp: text) == [
            "<input>:11: warning: this RHS entry is ignored: only the first set, 'FIRST', is used",
            "<input>:17: warning: 2 BOUNDS entries, the first here, are ignored: only the first set, 'FIRST', is used",
        ])
    }

    @Test func integerMarkersAreAcceptedAndIgnored() throws {
        let text = """
            ROWS
             N  OBJ
             L  R
            COLUMNS
                MARKER                 'MARKER'                 'INTORG'
                X  OBJ  1  R  1
                MARKER                 'MARKER'                 'INTEND'
                Y  R  2
            BOUNDS
             UP BND X 4
             BV BND Y
             LI BND X 1
             UI OTHER X 2
            ENDATA
            """
        let lp = try MPSReader.parse(text)
        #expect(lp.columnNames == ["X", "Y"])
        #expect(lp.matrix.values == [1, 2])
        #expect(lp.columnLower == [1, 0] && lp.columnUpper == [4, 1])
        // The UI of another set is counted with that set's entries, not as integrality.
        #expect(warnings(lp: text) == [
            "<input>:5: warning: 4 lines, the first here, are read as the LP relaxation: integrality (MARKER, BV, LI, UI) is ignored",
            "<input>:13: warning: this BOUNDS entry is ignored: only the first set, 'BND', is used",
        ])
        #expect(warnings(lp: "ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n UI BND X 2\nENDATA\n") == [
            "<input>:6: warning: this line is read as the LP relaxation: integrality (MARKER, BV, LI, UI) is ignored",
        ])
    }

    /// An integer column between MARKER lines that no BOUNDS line names is binary, as
    /// HiGHS and SAS read it (it was [0, +∞): min −x with x ≤ 5.5 gave −5.5, HiGHS −1);
    /// any BOUNDS line for it leaves the other bound at its default.
    @Test func markerColumnsWithoutBoundsAreBinary() throws {
        let text = """
            ROWS
             N  OBJ
             L  R
            COLUMNS
                MARKER                 'MARKER'                 'INTORG'
                X  OBJ  -1  R  1
                Y  R  1
                Z  R  1
                MARKER                 'MARKER'                 'INTEND'
                W  R  1
            RHS
                RHS  R  5.5
            BOUNDS
             LO BND Y 0.5
            ENDATA
            """
        let lp = try MPSReader.parse(text)
        #expect(lp.columnLower == [0, 0.5, 0, 0] && lp.columnUpper == [1, .infinity, 1, .infinity])
        #expect(warnings(lp: text) == [
            "<input>:5: warning: 2 lines, the first here, are read as the LP relaxation: integrality (MARKER, BV, LI, UI) is ignored",
            "<input>:6: warning: 2 integer columns between MARKER lines, the first here ('X'), have no bound in the BOUNDS set read: read as binary, [0, 1], "
                + "as HiGHS and SAS read it and MIPLIB's files mean it (some solvers read [0, +∞)): give it an UP bound to say otherwise",
        ])
        let solution = InteriorPointSolver.solve(lp)
        #expect(solution.status == .optimal && abs(solution.objective + 1) < 1e-8, "\(solution.objective)")
        let open = text.replacingOccurrences(of: "    MARKER                 'MARKER'                 'INTEND'\n", with: "")
        #expect(try MPSReader.parse(open).columnUpper == [1, .infinity, 1, 1])
        #expect(warnings(lp: open).contains("<input>:5: warning: this MARKER 'INTORG' has no 'INTEND': every column after it is read as an integer column"))
    }

    static let negativeUpperCases: [(lines: String, lower: Double, upper: Double, warnings: [String])] = [
        (" UP BND X -1", -.infinity, -1,
         ["<input>:6: warning: this negative upper bound makes column 'X' unbounded below (lower bound −∞, not 0), as no BOUNDS line gives it a lower bound; write MI to say so, or LO 0 to keep 0"]),
        (" LO BND X 0\n UP BND X -1", 0, -1,
         ["<input>:7: warning: this line leaves column 'X' with bounds [0.0, -1.0], the lower above the upper (the solve reports an invalid problem)"]),
        (" UP BND X -1\n LO BND X 0", 0, -1,
         ["<input>:7: warning: this line leaves column 'X' with bounds [0.0, -1.0], the lower above the upper (the solve reports an invalid problem)"]),
        (" LO BND X -3\n UP BND X -1", -3, -1, []),
        (" UP BND X -1\n MI BND X", -.infinity, -1, []),
        (" UP BND X -1\n LO BND X -2", -2, -1, []),
    ]

    /// A negative UP makes the column unbounded below only when no BOUNDS line gives it a
    /// lower bound, before or after; an explicit LO 0 stays, and the bounds cross. A line
    /// that changes a finite bound an earlier line of another type set is warned of (the
    /// lines still apply in order); one that sets a side no line bounded, or sets it to the
    /// value it has, is not.
    @Test(arguments: negativeUpperCases + replacedBoundCases)
    func boundWarnings(lines: String, lower: Double, upper: Double, expected: [String]) throws {
        let text = "ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n\(lines)\nENDATA\n"
        let lp = try MPSReader.parse(text)
        #expect(lp.columnLower == [lower] && lp.columnUpper == [upper])
        #expect(warnings(lp: text) == expected)
    }

    static let replacedBoundCases: [(lines: String, lower: Double, upper: Double, warnings: [String])] = [
        (" FX BND X 2\n LO BND X 1", 1, 2, ["<input>:7: warning: this BOUNDS line is read after a line of another type that set the same bound: "
            + "BOUNDS lines apply in order, so the later one holds — column 'X' had the lower bound 2.0 from FX on line 6, which this LO makes 1.0; "
            + "if that is not what was meant, keep only the right line"]),
        (" LO BND X 1\n MI BND X", -.infinity, .infinity, ["<input>:7: warning: this BOUNDS line is read after a line of another type that set the "
            + "same bound: BOUNDS lines apply in order, so the later one holds — column 'X' had the lower bound 1.0 from LO on line 6, which this MI "
            + "makes −∞; if that is not what was meant, keep only the right line"]),
        (" LO BND X 1\n UP BND X 3\n FR BND X\n", -.infinity, .infinity, ["<input>:8: warning: this BOUNDS line is read after a line of another type "
            + "that set the same bound: BOUNDS lines apply in order, so the later one holds — column 'X' had the lower bound 1.0 from "
            + "LO on line 6, which this FR makes −∞; if that is not what was meant, keep only the right line"]),
        (" LO BND X 1\n UP BND X 3\n FX BND X 3", 3, 3, ["<input>:8: warning: this BOUNDS line is read after a line of another type that set the "
            + "same bound: BOUNDS lines apply in order, so the later one holds — column 'X' had the lower bound 1.0 from LO on line 6, which this FX "
            + "makes 3.0; if that is not what was meant, keep only the right line"]),
        (" FR BND X\n UP BND X 3", -.infinity, 3, []),
        (" MI BND X\n LO BND X 3", 3, .infinity, []),
        (" UP BND X 3\n FX BND X 3", 3, 3, []),
        (" LO BND X 0\n FX BND X 0", 0, 0, []),
    ]

    /// A file without warnings gives none, so `lp solve` prints nothing on standard error.
    @Test func everySectionGivesNoWarning() throws {
        #expect(try warnings(lp: MPSWriter.text(Self.everyKind)) == [])
    }

    @Test func crlfCommentsBlankLinesAndTextAfterEndata() throws {
        let text = "* a comment\r\nNAME  P  trailing words\r\nROWS\r\n\r\n N  OBJ\r\n E  R\r\nCOLUMNS\r\n    X  R  2\r\n"
            + "* another\r\nRHS\r\n    RHS  R  6\r\nENDATA\r\nanything at all\r\n"
        let lp = try MPSReader.parse(text)
        #expect(lp.name == "P  trailing words")
        #expect(lp.rowLower == [6] && lp.rowUpper == [6])
        #expect(lp.matrix.values == [2])
        #expect(warnings(lp: text) == ["<input>:13: warning: this line after ENDATA is ignored"])
    }

    /// Text after ENDATA is ignored, but not silently: a second problem appended to a file,
    /// say, is not read. Comments and blank lines there are not counted.
    @Test func textAfterEndataIsIgnoredWithAWarning() throws {
        let text = "ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nENDATA\n* comment\n\nROWS\n N  OBJ\n    X  OBJ  2\n"
        #expect(try MPSReader.parse(text).objective == [1])
        #expect(warnings(lp: text) == ["<input>:8: warning: 3 lines after ENDATA, the first here, are ignored"])
        #expect(warnings(lp: "ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nENDATA\n* comment\n\n") == [])
    }

    /// A leading UTF-8 byte-order mark is skipped; a lone CR ends a line, as LF and CRLF do,
    /// so errors name the same lines.
    @Test func byteOrderMarkAndLoneCarriageReturns() throws {
        let lines = ["NAME P", "ROWS", " N  OBJ", " E  R", "COLUMNS", "    X  R  2", "RHS", "    RHS  R  6", "ENDATA"]
        for separator in ["\n", "\r\n", "\r"] {
            for text in [lines.joined(separator: separator), "\u{FEFF}" + lines.joined(separator: separator) + separator] {
                let lp = try MPSReader.parse(text)
                #expect(lp.name == "P" && lp.rowLower == [6] && lp.matrix.values == [2], "\(text.debugDescription)")
            }
            let broken = lines.joined(separator: separator).replacingOccurrences(of: "R  6", with: "R  six")
            #expect(message(broken) == "<input>:8: error: 'six' is not a number", "\(separator.debugDescription)")
        }
        #expect(message("\u{FEFF}ROWS\r N  OBJ\r BAD\r") == "<input>:3: error: a ROWS line holds a type and a name; this one has 1 field")
    }

    /// A nonzero matrix coefficient below 1e-100 in size is refused: 1e-320 made the solve
    /// end in NaN. The objective is not the matrix: 1e-300 there reads (`everyKind`).
    @Test func tinyMatrixCoefficients() throws {
        #expect(message("ROWS\n N  OBJ\n G  R\nCOLUMNS\n    X  OBJ  1  R  1e-320\nENDATA\n")
            == "<input>:5: error: the coefficient 1e-320 for row 'R' is below 1e-100 in size; expected 0 or at least 1e-100")
        #expect(message("ROWS\n N  OBJ\n G  R\nCOLUMNS\n    X  R  -2.5e-101\nENDATA\n")
            == "<input>:5: error: the coefficient -2.5e-101 for row 'R' is below 1e-100 in size; expected 0 or at least 1e-100")
        // Smaller still, the number reads as 0 and the entry vanished: the LP was changed.
        #expect(message("ROWS\n N  OBJ\n G  R\nCOLUMNS\n    X  R  1e-400\nENDATA\n")
            == "<input>:5: error: the coefficient 1e-400 for row 'R' is below 1e-100 in size; expected 0 or at least 1e-100")
        let lp = try MPSReader.parse("ROWS\n N  OBJ\n G  R\nCOLUMNS\n    X  OBJ  1e-320  R  1e-100\n    Y  R  -0.000e-400\nENDATA\n")
        #expect(lp.matrix.values == [1e-100] && lp.objective == [Double("1e-320")!, 0])
    }

    @Test func zeroEntriesAreDroppedAndRowsSortedWithinAColumn() throws {
        let lp = try MPSReader.parse("ROWS\n N  OBJ\n L  A\n L  B\n L  C\nCOLUMNS\n    X  C  3  A  1\n    X  B  0\nENDATA\n")
        #expect(lp.matrix.rowIndices == [0, 2])
        #expect(lp.matrix.values == [1, 3])
        #expect(lp.matrix.inconsistency() == nil)
    }

    static let fixedWithSpaces = """
        NAME          SPACES
        ROWS
         N  COST
         L  MY ROW
        COLUMNS
            MY COL    COST      1.             MY ROW    2.
        RHS
            RHS       MY ROW    5.
        BOUNDS
         UP BND       MY COL    3.
        ENDATA
        """

    @Test(arguments: [MPSFormat.automatic, .fixed])
    func fixedFormatNamesWithSpaces(format: MPSFormat) throws {
        let lp = try MPSReader.parse(Self.fixedWithSpaces, format: format)
        #expect(lp.rowNames == ["MY ROW"])
        #expect(lp.columnNames == ["MY COL"])
        #expect(lp.objective == [1])
        #expect(lp.matrix.values == [2])
        #expect(lp.rowUpper == [5])
        #expect(lp.columnUpper == [3])
    }

    /// Columns `X` and `X 1`: read free, ` FR BND       X 1` would be FR on `X` with a
    /// stray value. COLUMNS has needed the fixed columns, so BOUNDS is read by them first,
    /// and a line they cannot read (a number past column 36) is still read free.
    @Test(arguments: [("FR", -Double.infinity, Double.infinity), ("MI", -.infinity, 7), ("PL", 0, .infinity), ("BV", 0, 1)])
    func boundWithoutValueOnAColumnWithASpace(type: String, lower: Double, upper: Double) throws {
        let lp = try MPSReader.parse("""
            ROWS
             N  COST
             L  LIM
            COLUMNS
                X         COST      1.0            LIM       1.0
                X 1       COST      1.0            LIM       1.0
            BOUNDS
             UP BND       X 1       7
             \(type) BND       X 1
             UP BND X 4.5
            ENDATA
            """)
        #expect(lp.columnNames == ["X", "X 1"])
        #expect(lp.columnLower == [0, lower])
        #expect(lp.columnUpper == [4.5, upper])
    }

    /// Once a file is known to be fixed-format, a bound on a column that does not exist is
    /// an error, not its free reading: ` FR BND       X 1` without a column `X 1` made `X`
    /// free (objective −15 where the LP has 15).
    @Test(arguments: ["FR", "MI", "BV", "UP"])
    func fixedBoundOnAnUnknownColumnIsAnError(type: String) {
        let text = """
            NAME          TRAP
            ROWS
             N  COST
             G  LIM 1
            COLUMNS
                X         COST      5.0            LIM 1     1.0
            RHS
                RHS       LIM 1     3.0
            BOUNDS
             \(type) BND       X 1\(type == "UP" ? "       4.0" : "")
            ENDATA
            """
        #expect(message(text) == "<input>:10: error: unknown column 'X 1'")
    }

    @Test func freeFormatRejectsNamesWithSpaces() {
        #expect(throws: MPSError.self) { try MPSReader.parse(Self.fixedWithSpaces, format: .free) }
        #expect(message(Self.fixedWithSpaces, format: .free) == "<input>:4: error: a ROWS line holds a type and a name; this one has 3 fields")
    }

    @Test(arguments: [
        ("NAME X\nROWS\n N  OBJ\nXYZ\n", "<input>:4: error: unknown section 'XYZ'; if this is a ROWS line, indent it: data lines start with a space"),
        ("NAME X\nXYZ\n", "<input>:2: error: unknown section 'XYZ'"),
        ("NAME X\nROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nQUADOBJ\n    X  X  2\n", "<input>:6: error: the QUADOBJ section (a quadratic objective) is not "
            + "supported: capsim solves linear programs, so an MPS file it reads has only NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES and BOUNDS"),
        ("NAME X\nsos\n", "<input>:2: error: the SOS section (special ordered sets) is not supported: capsim solves linear programs, so an MPS file "
            + "it reads has only NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES and BOUNDS"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\nRHS\n    RHS  R  5  junk\n", "<input>:7: error: an RHS line holds an optional set name and one or "
            + "two row/value pairs; this one has 4 fields, a set name 'RHS', a pair and 'junk' left over"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1e30\n", "<input>:4: error: the cost 1e30 for row 'OBJ' is 1e20 or more in size, which capsim, as other "
            + "MPS readers, reads as infinite in bounds and right-hand sides; a cost must be finite, below 1e20"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  -2e20\n", "<input>:5: error: the coefficient -2e20 for row 'R' is 1e20 or more in size, which capsim, "
            + "as other MPS readers, reads as infinite in bounds and right-hand sides; a coefficient must be finite, below 1e20"),
        ("ROWS\n N  OBJ\n X  R\n", "<input>:3: error: unknown row type 'X'; expected N, E, L or G"),
        ("ROWS\n N  OBJ\n L  R\n G  R\n", "<input>:4: error: duplicate row 'R'"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\n    X  NOPE  1\n", "<input>:5: error: unknown row 'NOPE'"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1.2.3\n", "<input>:4: error: '1.2.3' is not a number"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  inf\n", "<input>:4: error: 'inf' is not a finite number"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n XX BND X 1\n", "<input>:6: error: unknown bound type 'XX'; expected UP, LO, FX, FR, MI, PL, BV, LI or UI"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n SC BND X 1\n", "<input>:6: error: semi-continuous bounds (SC) are not supported"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n UP BND Y 1\n", "<input>:6: error: unknown column 'Y'"),
        // A set and an unknown column after a type that takes no value: the column is named, not the set.
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n FR BND Y\n", "<input>:6: error: unknown column 'Y'"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n MI Y 1\n", "<input>:6: error: unknown column 'Y'"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\n", "<input>:4: error: missing ENDATA at the end of the file"),
        ("* comment\n    X  OBJ  1\n", "<input>:2: error: data line before the first section"),
        ("NAME P\n    X  OBJ  1\n", "<input>:2: error: unexpected data line in the NAME section"),
        ("ROWS\n N  OBJ\n    X  OBJ  1\n", "<input>:3: error: a ROWS line holds a type and a name; this one has 3 fields"),
        ("ROWS\n N  OBJ\nCOLUMNS\n E  R\n", "<input>:4: error: a COLUMNS line holds a column name and one or two row/value pairs; this one has 2 fields"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n UP BND X 1\nRHS\n", "<input>:7: error: RHS after BOUNDS; sections go in the order NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA"),
        ("ROWS\n N  OBJ\nROWS\n", "<input>:3: error: a second ROWS section"),
        ("ROWS extra\n", "<input>:1: error: unexpected 'extra' after ROWS"),
        ("OBJSENSE UP\n", "<input>:1: error: unknown objective sense 'UP'; expected MAX, MAXIMIZE, MIN or MINIMIZE"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  OBJ  1  R  1\nRHS\n    RHS  R\n",
         "<input>:7: error: an RHS line holds an optional set name and one or two row/value pairs; this one has 2 fields and no value ('R' is not a number)"),
        ("OBJSENSE MAX\n    MIN\n", "<input>:2: error: the objective sense is given twice"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\n    Y  R  1\n    X  OBJ  1\n", "<input>:7: error: column 'X' appears again after other columns; a column's entries must be contiguous"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\n    X  R  2\n", "<input>:6: error: a second entry for row 'R' in column 'X'; the first is on line 5"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    MARKER  'MARKER'  'SOSORG'\n", "<input>:4: error: unknown marker 'SOSORG'; expected 'INTORG' or 'INTEND'"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\nRHS\n    RHS  R  1\n    RHS  R  2\n", "<input>:8: error: a second RHS value for row 'R'; the first is on line 7"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\nRHS\n    RHS  OBJ  1\n    RHS  R  1  OBJ  2\n", "<input>:8: error: a second RHS value for row 'OBJ'; the first is on line 7"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\nRHS\n    RHS  R  1  R  2\n", "<input>:7: error: a second RHS value for row 'R'; the first is on line 7"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nRHS\n    RHS  OBJ  inf\n", "<input>:6: error: the RHS of the objective row 'OBJ' must be finite"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\nRHS\n    RHS  R  1e400\n", "<input>:7: error: '1e400' is beyond the range of a double (±1.8e308)"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\nRHS\n    RHS  R  0x10\n", "<input>:7: error: '0x10' is not a number"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  0X1P-1\n", "<input>:5: error: '0X1P-1' is not a number"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  nan\n", "<input>:5: error: 'nan' is not a number"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n UP BND X -inf\n", "<input>:6: error: bound type UP of −∞ leaves column X no value (MI and PL set an infinite bound)"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n LO BND X Inf\n", "<input>:6: error: bound type LO of +∞ leaves column X no value (MI and PL set an infinite bound)"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n FX BND X 1e999\n", "<input>:6: error: '1e999' is beyond the range of a double (±1.8e308)"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n UP BND X -1e30\n", "<input>:6: error: bound type UP of -1e30 (−∞: 1e20 or more in size is infinite) leaves column X no value (MI and PL set an infinite bound)"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n LO X 1e20\n", "<input>:6: error: bound type LO of 1e20 (+∞: 1e20 or more in size is infinite) leaves column X no value (MI and PL set an infinite bound)"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n FX BND X -1e25\n", "<input>:6: error: bound type FX of -1e25 (−∞: 1e20 or more in size is infinite) leaves column X no value (MI and PL set an infinite bound)"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n UP BND X\n", "<input>:6: error: bound type UP needs a value after column 'X'"),
        ("ROWS\n N  OBJ\n E  R\nCOLUMNS\n    X  R  1\nRHS\n    RHS  R  inf\n", "<input>:7: error: an RHS of +∞ leaves the E row 'R' no value"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\nRHS\n    RHS  R  -1e30\n", "<input>:7: error: an RHS of -1e30 (−∞: 1e20 or more in size is infinite) leaves the L row 'R' no value"),
        ("ROWS\n N  OBJ\n G  R\nCOLUMNS\n    X  R  1\nRHS\n    RHS  R  1e20\n", "<input>:7: error: an RHS of 1e20 (+∞: 1e20 or more in size is infinite) leaves the G row 'R' no value"),
        ("ENDATA\n", "<input>:1: error: no ROWS section before ENDATA (an MPS file has ROWS, with the objective row, and COLUMNS)"),
        ("NAME X\nROWS\n N  OBJ\nENDATA\n", "<input>:4: error: no COLUMNS section before ENDATA (an MPS file has ROWS, with the objective row, and COLUMNS)"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\nRANGES\n    RNG  R  1  R  2\n", "<input>:7: error: a second range for row 'R'; the first is on line 7"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\nRANGES\n    RNG  R  1\n    RNG  R  2\n", "<input>:8: error: a second range for row 'R'; the first is on line 7"),
        ("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1\nRHS\n    R\n", "<input>:7: error: an RHS line holds an optional set name and one or two row/value pairs; this one has 1 field"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n UP BND X 1 2\n", "<input>:6: error: bound type UP takes an optional set name, a column name and a value; this line has 5 fields"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n FR BND X 1 2\n", "<input>:6: error: bound type FR takes an optional set name and a column name; this line has 5 fields"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n UP BND X 5\n UP BND X 3\n", "<input>:7: error: a second upper bound (UP) for column 'X'; the first is on line 6"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n LO BND X 1\n UP BND X 5\n LI BND X 1\n", "<input>:8: error: a second lower bound (LI) for column 'X'; the first is on line 6"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n FR BND X\n MI BND X\n FR BND X\n", "<input>:8: error: a second FR bound for column 'X'; the first is on line 6"),
        ("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nBOUNDS\n BV X\n BV X\n", "<input>:7: error: a second BV bound for column 'X'; the first is on line 6"),
    ])
    func errorMessage(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    @Test func fixedFormatRejectsTextOutsideTheFields() {
        let text = "ROWS\n N  OBJ\nCOLUMNS\n    X         OBJ       1.23456789012345\nENDATA\n"
        #expect(message(text, file: "long.mps", format: .fixed)
            == "long.mps:4: error: '1.23456789012345' runs past column 36, the end of its field (columns 25–36): a fixed-format field holds 12 characters")
        #expect(message(text, format: .automatic) == nil)
        // Text that does not run on from a field keeps the plain message.
        let apart = "ROWS\n N  OBJ\nCOLUMNS\n    X         OBJ       1." + String(repeating: " ", count: 11) + "Z\nENDATA\n"
        #expect(message(apart, format: .fixed) == "<input>:4: error: text in column 38, outside the fixed-format fields")
    }

    /// A name longer than its 8 columns, or a tab, which fixed format counts as one column,
    /// moves text out of the fields: the error says which, not only "text in column 13".
    /// The file is known to be fixed-format by its spaced names, so `.automatic` reads each
    /// line by the fixed columns first, and its error is theirs.
    @Test(arguments: [MPSFormat.automatic, .fixed])
    func fixedFormatSaysWhyTextIsOutsideTheFields(format: MPSFormat) {
        let head = "ROWS\n N  COST\n L  MY ROW\nCOLUMNS\n    MY COL    COST      1.             MY ROW    2.\n"
        #expect(message(head + "    LONGCOLUMN1  MY ROW    2.\nENDATA\n", format: format)
            == "<input>:6: error: 'LONGCOLUMN1' runs past column 12, the end of its field (columns 5–12): a fixed-format field holds 8 characters")
        #expect(message(head + "RHS\n    RHS       MY ROW    12345678901234567\nENDATA\n", format: format)
            == "<input>:7: error: '12345678901234567' runs past column 36, the end of its field (columns 25–36): a fixed-format field holds 12 characters")
        #expect(message(head + "    Y         MY ROW\t1.\nENDATA\n", format: format)
            == "<input>:6: error: text in column 23, outside the fixed-format fields; the tab in column 21 counts as one column in fixed format, which moves what follows it: align the fields with spaces")
    }

    @Test func readsAFileAndReportsOneThatCannotBeRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-mps-\(UUID().uuidString).mps").path
        try "ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nENDATA\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try MPSReader.read(path: path).objective == [1])

        let missing = path + ".missing"
        #expect(throws: MPSError.self) { try MPSReader.read(path: missing) }
        do throws(MPSError) {
            _ = try MPSReader.read(path: missing)
        } catch {
            #expect(error.description == "\(missing): error: cannot read the file: it does not exist")
        }
        do throws(MPSError) {
            _ = try MPSReader.read(path: FileManager.default.temporaryDirectory.path)
            Issue.record("a directory was read")
        } catch {
            #expect(error.message == "cannot read the file: it is a directory")
        }
    }

    /// A file that is not a regular one is read to its end — a named pipe here, as a
    /// process substitution (`<(gzip -dc lp.mps.gz)`) gives — and one that never ends is
    /// stopped at its first NUL byte, which the parser names: `/dev/zero` took all memory before.
    @Test func readsAPipeAndStopsAtADeviceWithoutEnd() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-fifo-\(UUID().uuidString)").path
        try #require(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = Thread {
            try? "ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  2\nENDATA\n".write(toFile: path, atomically: false, encoding: .utf8)
        }
        writer.start()
        #expect(try MPSReader.read(path: path).objective == [2])
        guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
        do throws(MPSError) {
            _ = try MPSReader.read(path: "/dev/zero")
            Issue.record("/dev/zero was read")
        } catch {
            #expect(error.description == "/dev/zero:1: error: a NUL byte in column 1: the file is binary or damaged")
        }
    }

    /// A range on a row that an infinite RHS (or one of 1e20 or more) left free, +∞ on an L
    /// row or −∞ on a G row, leaves it no value: an error at the range's line, not an
    /// invalid problem once the solve has begun.
    @Test func rangeOnARowWithAnInfiniteRHS() throws {
        let head = "ROWS\n N  OBJ\n L  LE\n G  GE\nCOLUMNS\n    X  OBJ  1  LE  1\n    X  GE  1\n"
        #expect(message(head + "RHS\n    RHS  LE  1e30\nRANGES\n    RNG  LE  2\nENDATA\n")
            == "<input>:11: error: a range on the L row 'LE' leaves it no value, as its RHS is 1e+30 (+∞: 1e20 or more in size is infinite); a range needs a finite RHS")
        #expect(message(head + "RHS\n    RHS  GE  -inf\nRANGES\n    RNG  GE  inf\nENDATA\n")
            == "<input>:11: error: a range on the G row 'GE' leaves it no value, as its RHS is −∞; a range needs a finite RHS")
        // Without a range the row is free; a range as large as the RHS leaves it a value.
        let free = try MPSReader.parse(head + "RHS\n    RHS  LE  inf  GE  -1e30\nENDATA\n")
        #expect(free.rowLower == [-.infinity, -1e30] && free.rowUpper == [.infinity, .infinity])
        let ranged = try MPSReader.parse(head + "RHS\n    RHS  LE  1e30\nRANGES\n    RNG  LE  1e30\nENDATA\n")
        #expect(ranged.rowLower == [0, 0] && ranged.rowUpper == [1e30, .infinity])
    }

    /// A range on the objective row, and an RHS or a range on a free N row, are ignored
    /// with a warning at the line: the writer may have meant a constraint.
    @Test func rangeOnTheObjectiveAndEntriesOnFreeRowsWarn() throws {
        let text = """
            ROWS
             N  OBJ
             N  FREE
             L  R
            COLUMNS
                X  OBJ  1  R  1
            RHS
                RHS  R  1  FREE  3
                RHS  FREE  4
            RANGES
                RNG  OBJ  2
                RNG  FREE  2  R  3
            ENDATA
            """
        let lp = try MPSReader.parse(text)
        #expect(lp.rowLower == [-2] && lp.rowUpper == [1] && lp.objectiveConstant == 0)
        #expect(warnings(lp: text) == [
            "<input>:8: warning: 2 RHS entries on free rows, the first here, are ignored: 'FREE', an N row after the first, is a free row, which is dropped",
            "<input>:11: warning: this RANGES entry is ignored: 'OBJ' is the objective row, which a range does not apply to",
            "<input>:12: warning: this RANGES entry is ignored: 'FREE', an N row after the first, is a free row, which is dropped",
        ])
    }

    /// A file that is empty, compressed or binary is said to be so, rather than failing as
    /// a line that makes no sense ("missing ENDATA", "data line before the first section").
    @Test func emptyCompressedAndBinaryFilesSaySo() throws {
        #expect(message("") == "<input>:1: error: the file is empty")
        #expect(message("\n  \r\n\t") == "<input>:1: error: the file is empty")
        #expect(message("\u{FEFF}") == "<input>:1: error: the file is empty")
        #expect(message("* only\n\n* comments\n") == "<input>:1: error: the file has only comments and blank lines, no MPS sections")
        #expect(message("ROWS\n N  OBJ\n L  R\u{0}\nCOLUMNS\n") == "<input>:3: error: a NUL byte in column 6: the file is binary or damaged")
        #expect(message("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nENDATA\n\u{0}\n") == "<input>:6: error: a NUL byte in column 1: the file is binary or damaged")

        let path = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-mps-\(UUID().uuidString).mps.gz").path
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x0A, 0x20]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do throws(MPSError) {
            _ = try MPSReader.read(path: path)
            Issue.record("a gzip-compressed file was read")
        } catch {
            #expect(error.description == "\(path):1: error: the file is gzip-compressed: decompress it first (gunzip)")
        }
    }

    /// A section whose lines name rows or columns, without ROWS or COLUMNS before it, is
    /// an error at its header: its first line would fail as naming an unknown row.
    @Test(arguments: [
        ("NAME X\nCOLUMNS\n    X  OBJ  1\nENDATA\n", "<input>:2: error: no ROWS section before COLUMNS (an MPS file has ROWS, with the objective row, and COLUMNS)"),
        ("* c\nBOUNDS\n UP BND X 1\n", "<input>:2: error: no ROWS section before BOUNDS (an MPS file has ROWS, with the objective row, and COLUMNS)"),
        ("ROWS\n N  OBJ\nRHS\n    RHS  OBJ  1\nENDATA\n", "<input>:3: error: no COLUMNS section before RHS (an MPS file has ROWS, with the objective row, and COLUMNS)"),
        // COLUMNS later: the sections are out of order, not missing one.
        ("ROWS\n N  OBJ\nBOUNDS\n UP BND X 1\n* c\ncolumns\n    X  OBJ  1\nENDATA\n",
         "<input>:3: error: BOUNDS before COLUMNS (line 6); sections go in the order NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA"),
        ("COLUMNS\n    X  OBJ  1\nROWS\n N  OBJ\n",
         "<input>:1: error: COLUMNS before ROWS (line 3); sections go in the order NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA"),
    ])
    func sectionWithoutRowsOrColumnsBeforeIt(text: String, expected: String) {
        #expect(message(text) == expected)
    }

    /// OBJSENSE with no sense after it, on its line or the next, is an error at its line:
    /// it was read as minimizing, which may be the opposite of what was meant.
    @Test func objectiveSenseSectionWithoutASense() {
        #expect(message("OBJSENSE\nROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\nENDATA\n")
            == "<input>:1: error: OBJSENSE without MAX or MIN, on its line or the next (line 2 starts ROWS)")
        #expect(message("NAME P\nOBJSENSE\n* no sense\n\nROWS\n N  OBJ\n")
            == "<input>:2: error: OBJSENSE without MAX or MIN, on its line or the next (line 5 starts ROWS)")
    }

    /// ROWS without an N row reads, as HiGHS reads it, with a zero objective, and a
    /// warning at the ROWS line: a lost objective row would otherwise go unseen.
    @Test func rowsWithoutAnObjectiveRowWarn() throws {
        let text = "NAME P\nROWS\n L  R\nCOLUMNS\n    X  R  1\nRHS\n    RHS  R  4\nENDATA\n"
        let lp = try MPSReader.parse(text)
        #expect(lp.objective == [0] && lp.objectiveName == "OBJ" && lp.rowUpper == [4])
        #expect(warnings(lp: text) == ["<input>:2: warning: ROWS has no N row: the objective is zero, so any feasible point is optimal"])
        #expect(warnings(lp: text.replacingOccurrences(of: "ROWS\n", with: "ROWS\n N  COST\n")) == [])
    }

    /// FR, MI and PL take no value: one after them is ignored, with a warning at the first
    /// such line that counts them. One after BV (often 1) is ignored silently.
    @Test func valueAfterABoundTypeThatTakesNone() throws {
        let head = "ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1\n    Y  OBJ  1\n    Z  OBJ  1\nBOUNDS\n"
        let lp = try MPSReader.parse(head + " FR BND X 5\nENDATA\n")
        #expect(lp.columnLower == [-.infinity, 0, 0] && lp.columnUpper == [.infinity, .infinity, .infinity])
        #expect(warnings(lp: head + " FR BND X 5\nENDATA\n") == ["<input>:8: warning: this value after FR is ignored: FR, MI and PL take no value"])
        #expect(warnings(lp: head + " BV BND Z 1\n MI X -3\n PL BND Y 1\n FR BND Z\nENDATA\n") == [
            "<input>:8: warning: this line is read as the LP relaxation: integrality (MARKER, BV, LI, UI) is ignored",
            "<input>:9: warning: 2 values after FR, MI or PL, the first here, are ignored: FR, MI and PL take no value",
            "<input>:11: warning: this BOUNDS line is read after a line of another type that set the same bound: BOUNDS lines apply in order, so "
                + "the later one holds — column 'Z' had the lower bound 0.0 from BV on line 8, which this FR makes −∞; if that is not what was meant, "
                + "keep only the right line",
        ])
    }

    /// A second entry for one row in one column names the line of the first, as a second
    /// bound of one type does.
    @Test(arguments: [
        ("    X  R  1\n    X  OBJ  1\n    X  R  2\n", "<input>:7: error: a second entry for row 'R' in column 'X'; the first is on line 5"),
        ("    X  OBJ  1\n    X  R  1\n    X  OBJ  2  R  3\n", "<input>:7: error: a second entry for row 'OBJ' in column 'X'; the first is on line 5"),
        ("    Y  R  1\n    X  OBJ  1  R  1\n    X  R  2\n", "<input>:7: error: a second entry for row 'R' in column 'X'; the first is on line 6"),
        ("    X  OBJ  1\n    X  R  1  R  2\n", "<input>:6: error: a second entry for row 'R' in column 'X'; the first is on line 6"),
    ])
    func secondEntryNamesTheFirst(columns: String, expected: String) throws {
        #expect(message("ROWS\n N  OBJ\n L  R\nCOLUMNS\n" + columns) == expected)
        // The same rows in different columns are no second entry.
        #expect(try MPSReader.parse("ROWS\n N  OBJ\n L  R\nCOLUMNS\n    X  R  1  OBJ  1\n    Y  OBJ  1  R  2\nENDATA\n").matrix.values == [1, 2])
    }

    @Test func namesSharingTheirFirstEightBytesStayApart() throws {
        let lp = try MPSReader.parse("""
            ROWS
             N  OBJ
             L  LONGNAME
             L  LONGNAME_A
             L  LONGNAME_B
             L  LONGNAME_AB
            COLUMNS
                COLUMN_LONG_1  LONGNAME_B  2  LONGNAME  1
                COLUMN_LONG_2  LONGNAME_AB  4  LONGNAME_A  3
            BOUNDS
             UP BND  COLUMN_LONG_2  9
            ENDATA
            """)
        #expect(lp.matrix.rowIndices == [0, 2, 1, 3])
        #expect(lp.matrix.values == [1, 2, 3, 4])
        #expect(lp.columnUpper == [.infinity, 9])
    }

    /// An entry of an RHS, RANGES or BOUNDS set other than the first is ignored unread:
    /// an unknown row or column there, or a bound that would leave a column no value,
    /// stopped the read ("unknown column 'Y'") though the set was documented as ignored.
    @Test func entriesOfOtherSetsAreNotRead() throws {
        let text = """
            ROWS
             N  OBJ
             L  A
            COLUMNS
                X  OBJ  1  A  1
            RHS
                RHS1  A  4
                RHS2  ZZ  5
                RHS2  A  -1e30  ZZ  x
            RANGES
                RNG1  A  2
                RNG2  ZZ  3
            BOUNDS
             UP B1 X 3
             UP B2 Y 5
             UP B2 X -1e30
             FX B2 X inf
             MI B2 YY
             FR B2 ZY
             PL B2 YY 1
            ENDATA
            """
        let lp = try MPSReader.parse(text)
        #expect(lp.rowLower == [2] && lp.rowUpper == [4])
        #expect(lp.columnLower == [0] && lp.columnUpper == [3])
        #expect(warnings(lp: text) == [
            "<input>:8: warning: 2 RHS entries, the first here, are ignored: only the first set, 'RHS1', is used",
            "<input>:12: warning: this RANGES entry is ignored: only the first set, 'RNG1', is used",
            "<input>:15: warning: 6 BOUNDS entries, the first here, are ignored: only the first set, 'B1', is used",
        ])
        // The first set's entries are still checked.
        #expect(message(text.replacingOccurrences(of: "UP B1 X 3", with: "UP B1 Y 3")) == "<input>:14: error: unknown column 'Y'")
        #expect(message(text.replacingOccurrences(of: "MI B2 YY", with: "MI B1 YY")) == "<input>:18: error: unknown column 'YY'")
        // A name and then a number is a column and its value, not another set's line: a
        // misspelt column (` FR X2TYPO 0`) was ignored as one.
        #expect(message(text.replacingOccurrences(of: "FR B2 ZY", with: "FR X2TYPO 0")) == "<input>:19: error: unknown column 'X2TYPO'")
    }

    /// A three-field FR, MI, PL or BV line whose two names are both columns is read as a set
    /// and a column, where HiGHS reads a column and a value: read so, with a warning that
    /// says how to write it without doubt.
    @Test func boundLineWhoseSetNameIsAColumnWarns() throws {
        let text = """
            ROWS
             N  OBJ
            COLUMNS
                X  OBJ  1
                3  OBJ  1
                Y  OBJ  1
            BOUNDS
             MI X 3
             FR X Y
            ENDATA
            """
        let lp = try MPSReader.parse(text)
        #expect(lp.columnLower == [0, -.infinity, -.infinity] && lp.columnUpper == [.infinity, .infinity, .infinity])
        #expect(warnings(lp: text) == [
            "<input>:8: warning: 2 BOUNDS lines, the first here, are read as a set and a column, though both fields name columns: here set 'X' and column '3', "
                + "where HiGHS bounds column 'X'; to leave no doubt, leave the set name out ('MI 3', or 'MI X' to bound 'X')",
        ])
        #expect(warnings(lp: text.replacingOccurrences(of: " FR X Y\n", with: "")) == [
            "<input>:8: warning: this BOUNDS line is read as a set and a column, though both fields name columns: here set 'X' and column '3', "
                + "where HiGHS bounds column 'X'; to leave no doubt, leave the set name out ('MI 3', or 'MI X' to bound 'X')",
        ])
    }

    /// `UP -3` then `PL`: the −∞ lower bound the negative UP implied goes with it, so x is
    /// [0, +∞) and min x subject to x ≥ −5 is 0 at x = 0. It was free, and the minimum −5.
    @Test func plusInfinityAfterANegativeUpperBoundRestoresTheLowerBound() throws {
        let text = "ROWS\n N  OBJ\n G  R\nCOLUMNS\n    X  OBJ  1  R  1\nRHS\n    RHS  R  -5\nBOUNDS\n UP BND X -3\n PL BND X\nENDATA\n"
        let lp = try MPSReader.parse(text)
        #expect(lp.columnLower == [0] && lp.columnUpper == [.infinity])
        #expect(warnings(lp: text) == ["<input>:10: warning: this BOUNDS line is read after a line of another type that set the same bound: BOUNDS "
            + "lines apply in order, so the later one holds — column 'X' had the upper bound -3.0 from UP on line 9, which this PL makes +∞; if that "
            + "is not what was meant, keep only the right line"])
        let solution = InteriorPointSolver.solve(lp)
        #expect(solution.status == .optimal && abs(solution.objective) < 1e-8, "\(solution.status) \(solution.objective)")
        // An explicit lower bound stays.
        let explicit = try MPSReader.parse(text.replacingOccurrences(of: " PL BND X\n", with: " LO BND X -2\n PL BND X\n"))
        #expect(explicit.columnLower == [-2] && explicit.columnUpper == [.infinity])
    }

    /// Fortran's D exponent, as HiGHS reads it, by the fast path and by the slow one (more
    /// digits than 64 bits hold); it was "'1d3' is not a number".
    @Test func fortranDExponent() throws {
        let lp = try MPSReader.parse("""
            ROWS
             N  OBJ
             L  R
            COLUMNS
                X  OBJ  1d3  R  -2.5d-1
                Y  R  1D3
            RHS
                RHS  R  1.00000000000000000000001D2
            ENDATA
            """)
        #expect(lp.objective == [1000, 0])
        #expect(lp.matrix.values == [-0.25, 1000])
        #expect(lp.rowUpper == [100])
        #expect(message("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  1d\n") == "<input>:4: error: '1d' is not a number")
        #expect(message("ROWS\n N  OBJ\nCOLUMNS\n    X  OBJ  d3\n") == "<input>:4: error: 'd3' is not a number")
    }

    /// A COLUMNS line whose second field is 'MARKER' is an entry, not a marker, when a row
    /// has that name and the third field is no 'INTORG' or 'INTEND'.
    @Test func rowNamedMarkerInQuotes() throws {
        let lp = try MPSReader.parse("ROWS\n N  OBJ\n L  'MARKER'\nCOLUMNS\n    X  'MARKER'  2\n    MARKER  'MARKER'  'INTORG'\n    Y  'MARKER'  3\n    MARKER  'MARKER'  'INTEND'\nENDATA\n")
        #expect(lp.rowNames == ["'MARKER'"] && lp.matrix.values == [2, 3])
        #expect(lp.columnUpper == [.infinity, 1])
        #expect(message("ROWS\n N  OBJ\n L  'MARKER'\nCOLUMNS\n    X  'MARKER'  'SOSORG'\n") == "<input>:5: error: ''SOSORG'' is not a number")
    }

    /// A data line written from column 1 reads as an unknown section; the error says that
    /// data lines are indented. Section keywords are read in any case, as HiGHS reads them.
    @Test func sectionKeywordsInAnyCaseAndUnindentedDataLines() throws {
        #expect(message("ROWS\nN  OBJ\n") == "<input>:2: error: unknown section 'N'; if this is a ROWS line, indent it: data lines start with a space")
        #expect(message("ROWS\n N  OBJ\nCOLUMNS\nX  OBJ  1\n") == "<input>:4: error: unknown section 'X'; if this is a COLUMNS line, indent it: data lines start with a space")
        let lp = try MPSReader.parse("name P\nobjsense max\nrows\n N  OBJ\n L  R\nColumns\n    X  OBJ  1  R  1\nrhs\n    RHS  R  4\nRanges\n    RNG  R  1\nbounds\n UP BND X 9\nendata\n")
        #expect(lp.name == "P" && lp.sense == .maximize && lp.rowLower == [3] && lp.rowUpper == [4] && lp.columnUpper == [9])
        #expect(message("ROWS\n N  OBJ\nrows\n") == "<input>:3: error: a second ROWS section")
    }

    /// A regular file is read in chunks and stops at its first NUL byte: a 2 GB sparse file
    /// took 14 s and 2.1 GB to fail at line 1. The parser names the NUL's line and column.
    /// The file is made 1 TiB where the file system allows (sparse, it takes no space): read
    /// whole, or with a buffer of its size asked for at once, it cannot be.
    @Test func aRegularFileStopsAtItsFirstNulByte() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-sparse-\(UUID().uuidString).mps").path
        try #require(FileManager.default.createFile(atPath: path, contents: Data("ROWS\n N  OBJ\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        if (try? handle.truncate(atOffset: 1 << 40)) == nil { try handle.truncate(atOffset: 1 << 31) }
        try handle.close()
        do throws(MPSError) {
            _ = try MPSReader.read(path: path)
            Issue.record("a file of NUL bytes was read")
        } catch {
            #expect(error.description == "\(path):3: error: a NUL byte in column 1: the file is binary or damaged")
        }
    }

    /// The fast path must give exactly what `Double(String)` gives, or leave the text to it.
    @Test func numbersReadFromBytesMatchTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "+1", "1.", ".5", "61.", "-.042", "1e5", "1.5E-3", "12345678901234567890", "0.000", "1e-19",
                     "9.999999999999999e18", "18446744073709551615", "0.1", "0.3", "4.1", "1e", "e5", ".", "-", "1.2.3", "1e+", "inf"]
        for _ in 0..<20_000 {
            texts.append(Double.random(in: -1e6...1e6, using: &generator).description)
            texts.append((Double(Int.random(in: 1...1_000_000, using: &generator)) / 7).description)
            let digits = String((0..<Int.random(in: 1...20, using: &generator)).map { _ in "0123456789".randomElement(using: &generator)! })
            let point = Int.random(in: 0...digits.count, using: &generator)
            texts.append("\(digits.prefix(point)).\(digits.dropFirst(point))e\(Int.random(in: -25...25, using: &generator))")
        }
        var fast = 0
        for text in texts {
            let parsed = Array(text.utf8).withUnsafeBufferPointer { MPSNumber.parse($0, 0..<$0.count) }
            guard let parsed else { continue }
            fast += 1
            #expect(parsed == Double(text) && parsed.sign == Double(text)?.sign, "\(text)")
        }
        #expect(fast > texts.count / 2)
    }

    // MARK: Writer

    /// A problem with every kind of row (E, L, G, range, free) and column bound.
    static let everyKind = LinearProgram(
        name: "EVERY", sense: .maximize, objective: [1.0 / 3, -2, 0, 1e-300, 5, 0, 0, 0, 0, 7, 0, 0],
        objectiveConstant: 0.1,
        matrix: SparseMatrix(rowCount: 6, columnCount: 12, triplets: [
            (0, 0, 1), (1, 0, 2.5), (2, 1, -1), (3, 1, 1), (4, 2, 3), (5, 2, 1), (0, 3, 4), (1, 4, 1),
            (2, 5, 1), (3, 6, 1), (4, 7, 1), (5, 8, 0.7), (0, 9, 1), (1, 11, -1e-7),
        ]),
        rowLower: [2, -.infinity, 1, 1, -.infinity, -3], rowUpper: [2, 5, .infinity, 4, .infinity, -1],
        columnLower: [0, 0, 2, -1, 2.5, -.infinity, -.infinity, -5, -.infinity, 0, 0, 0],
        columnUpper: [.infinity, 4, .infinity, 3, 2.5, .infinity, 7, -2, -3, 1, .infinity, 0],
        rowNames: ["EQ", "LE", "GE", "RANGE", "FREE", "NEGRANGE"],
        columnNames: ["DEFAULT", "UP", "LO", "LOUP", "FX", "FR", "MIUP", "NEGUP", "MINEGUP", "BINARY", "EMPTY", "FX0"],
        objectiveName: "PROFIT")

    @Test func writerRoundTripsEveryKindOfRowAndBound() throws {
        #expect(try MPSReader.parse(MPSWriter.text(Self.everyKind)) == Self.everyKind)
        // Comments, one a line even when given with a line break, are skipped on reading.
        let commented = try MPSWriter.text(Self.everyKind, comments: ["written by a test", "over\ntwo lines"])
        #expect(commented.hasPrefix("* written by a test\n* over two lines\nNAME "))
        #expect(try MPSReader.parse(commented) == Self.everyKind)
    }

    @Test func writerText() throws {
        let lp = LinearProgram(
            name: "TINY", objective: [1, 0], objectiveConstant: 2,
            matrix: SparseMatrix(rowCount: 2, columnCount: 2, triplets: [(0, 0, 1), (1, 0, 0.5)]),
            rowLower: [1, -.infinity], rowUpper: [3, .infinity], columnLower: [0, -.infinity], columnUpper: [4, 6],
            rowNames: ["A", "B"], columnNames: ["X", "Y"])
        #expect(try MPSWriter.text(lp) == """
            NAME TINY
            ROWS
             N  OBJ
             L  A
             L  B
            COLUMNS
                X  OBJ  1.0
                X  A  1.0
                X  B  0.5
                Y  OBJ  0.0
            RHS
                RHS  OBJ  -2.0
                RHS  A  3.0
                RHS  B  inf
            RANGES
                RNG  A  2.0
            BOUNDS
             UP BND  X  4.0
             UP BND  Y  6.0
             MI BND  Y
            ENDATA

            """)
    }

    @Test func writerWritesLowerBoundZeroAfterANegativeUpperBound() throws {
        var lp = Self.everyKind
        lp.columnUpper[0] = -1
        #expect(try MPSReader.parse(MPSWriter.text(lp)) == lp)
    }

    @Test func writerReplacesSpacesAndMakesNamesUnique() throws {
        var lp = Self.everyKind
        lp.name = " every kind\n"
        lp.objectiveName = "NEGRANGE"
        lp.rowNames = ["a b", "a_b", "", "NEGRANGE", "R2", "x\ty\u{1}"]
        lp.columnNames[0] = "a b"
        lp.columnNames[1] = "a_b"
        let read = try MPSReader.parse(MPSWriter.text(lp))
        #expect(read.name == "every kind_")
        #expect(read.objectiveName == "NEGRANGE")
        #expect(read.rowNames == ["a_b", "a_b_2", "R2", "NEGRANGE_2", "R2_2", "x_y_"])
        #expect(Array(read.columnNames.prefix(2)) == ["a_b", "a_b_2"])
    }

    /// Stages travel as `*STAGES` comment lines: repeats (1*3), linking rows (L*1), runs
    /// (0:3 is 0, 1, 2) and runs of repeats (0:3*2 is 0, 0, 1, 1, 2, 2), twelve tokens a
    /// line, read back to the same LP.
    @Test func writerRoundTripsStagesInComments() throws {
        var lp = Self.everyKind
        lp.rowStages = [0, 1, 1, 1, LinearProgram.linking, 7]
        lp.columnStages = (0..<lp.columnCount).map { $0 % 2 == 0 ? $0 : LinearProgram.linking }
        let text = try MPSWriter.text(lp)
        #expect(text.hasPrefix("*STAGES ROWS 0*1 1*3 L*1 7*1\n*STAGES COLUMNS 0*1 L*1 2*1 L*1 4*1 L*1 6*1 L*1 8*1 L*1 10*1 L*1\nNAME "), "\(text.prefix(160))")
        #expect(try MPSReader.parse(text) == lp)
        lp.rowStages = [4, 5, 6, 0, 0, 1]
        lp.columnStages = [0, 0, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4]
        let runs = try MPSWriter.text(lp)
        #expect(runs.hasPrefix("*STAGES ROWS 4:3 0*2 1*1\n*STAGES COLUMNS 0:3*2 3:2*3\nNAME "), "\(runs.prefix(100))")
        #expect(try MPSReader.parse(runs) == lp)
        #expect(MPSStages.lines("COLUMNS", (0..<26).map { 3 * $0 }).map { $0.split(separator: " ").count } == [14, 14, 4])
    }

    /// A `*STAGES` line whose token is not a:n, a*n or L*n is an error at its line; stages
    /// that do not match the rows read are dropped with a warning (the LP is the same
    /// without them); other comments, even ones starting with *STAGES, are skipped.
    @Test func stageCommentsThatCannotBeUsed() throws {
        let body = "NAME T\nROWS\n N OBJ\n E R\nCOLUMNS\n X OBJ 1\n X R 1\nRHS\n RHS R 1\nENDATA\n"
        for bad in ["0:0", "-1:2", "x*2", "L:2", "1*", "0:99999999999999999999", "3", "L", "0:2*0", "1*2*3", "\(Int.max):2"] {
            #expect(throws: MPSError.self) { try MPSReader.parse("*STAGES ROWS \(bad)\n" + body) }
            do {
                _ = try MPSReader.parse("*\n*STAGES ROWS \(bad)\n" + body)
            } catch {
                #expect(error.line == 2 && error.message.contains("'\(bad)' in a *STAGES ROWS line"), "\(error)")
            }
        }
        var warnings: [MPSWarning] = []
        let mismatched = try MPSReader.parse("*STAGES ROWS 0:2\n*STAGES COLUMNS 5*1\n" + body) { warnings.append($0) }
        #expect(mismatched.rowStages == nil && mismatched.columnStages == [5])
        #expect(warnings.map(\.line) == [1] && warnings.first?.message == "the *STAGES ROWS lines give 2 stages for 1 row: read without row stages")
        #expect(try MPSReader.parse("*STAGES are hours\n*STAGESROWS 0:1\n" + body).rowStages == nil)
        // A few bytes that would give 10¹⁸ stages, or more than an Int counts, are counted, not made.
        warnings = []
        let huge = try MPSReader.parse("*STAGES ROWS L*1000000000000000000\n*STAGES COLUMNS 0:\(Int.max / 2)*4\n" + body) { warnings.append($0) }
        #expect(huge.rowStages == nil && huge.columnStages == nil)
        #expect(warnings.map(\.message) == ["the *STAGES ROWS lines give 1000000000000000000 stages for 1 row: read without row stages",
                                            "the *STAGES COLUMNS lines give more stages for 1 column: read without column stages"])
    }

    /// Only `G` recovers [−1.8, 2.2] (−1.8 + R = 2.2), only `L` recovers [−3, −0.9]
    /// (−0.9 − R = −3), where R = upper − lower.
    @Test(arguments: [(-1.8, 2.2), (-3, -0.9)])
    func writerPicksTheRangeFormThatRecoversBothBounds(lower: Double, upper: Double) throws {
        var lp = Self.everyKind
        (lp.rowLower[3], lp.rowUpper[3]) = (lower, upper)
        #expect(try MPSReader.parse(MPSWriter.text(lp)) == lp)
    }

    /// No double R gives back [−3, 1.1] as −3 + R or 1.1 − R: the difference 4.1 needs more
    /// bits than a double has. The lower bound is kept and the upper is off by at most half
    /// a unit in the last place of the difference.
    @Test func writerRangeThatNoFormRecovers() throws {
        var lp = Self.everyKind
        (lp.rowLower[3], lp.rowUpper[3]) = (-3, 1.1)
        let read = try MPSReader.parse(MPSWriter.text(lp))
        #expect(read.rowLower[3] == -3)
        #expect(read.rowUpper[3] != 1.1)
        #expect(abs(read.rowUpper[3] - 1.1) <= 4.1.ulp / 2)
    }

    /// A row named 'MARKER', quotes and all, is written as `    X  'MARKER'  1`, which the
    /// reader took for a MARKER line ("unknown marker 1"): the file did not read.
    @Test func writerRoundTripsARowNamedMarker() throws {
        var lp = Self.everyKind
        lp.rowNames[0] = "'MARKER'"
        lp.columnNames[0] = "MARKER"
        let text = try MPSWriter.text(lp)
        #expect(text.contains("    MARKER  'MARKER'  1.0\n"))
        #expect(try MPSReader.parse(text) == lp)
    }

    /// A consistent problem with a value the reader refuses is refused when written, with
    /// the row or column and the value: the writer promises a file that reads.
    @Test func writerRefusesWhatTheReaderRefuses() {
        var (lower, upper, equal, tiny) = (Self.everyKind, Self.everyKind, Self.everyKind, Self.everyKind)
        lower.columnLower[2] = 1e20
        upper.rowUpper[1] = -3e25
        (equal.rowLower[0], equal.rowUpper[0]) = (1e21, 1e21)
        tiny.matrix.values[1] = Double("1e-320")!
        for (lp, expected) in [
            (lower, "column 'LO' has the lower bound 1e+20, which the reader refuses: 1e20 or more in size is infinite, and +∞ as the lower bound leaves the column no value"),
            (upper, "row 'LE' has the upper bound -3e+25, which the reader refuses: 1e20 or more in size is infinite, and −∞ as the upper bound leaves the row no value"),
            (equal, "row 'EQ' has the lower bound 1e+21, which the reader refuses: 1e20 or more in size is infinite, and +∞ as the lower bound leaves the row no value"),
            (tiny, "the coefficient 1e-320 of column 'DEFAULT' in row 'LE' is below 1e-100 in size, which the reader refuses (expected 0 or at least 1e-100)"),
        ] {
            #expect(lp.inconsistency() == nil)
            do throws(MPSWriteError) {
                _ = try MPSWriter.text(lp)
                Issue.record("written: \(expected)")
            } catch {
                #expect(error.description == "cannot write the problem as MPS: " + expected)
            }
        }
    }

    /// A dispatch-sized problem (150 000 columns) survives the round trip unchanged.
    /// Its read time is measured in the benchmarks, not here.
    @Test func largeProblemRoundTrips() throws {
        let lp = Self.large(rows: 50_000, columns: 150_000)
        #expect(try MPSReader.parse(MPSWriter.text(lp)) == lp)
    }

    /// A problem with four entries a column and a spread of bounds.
    static func large(rows m: Int, columns n: Int) -> LinearProgram {
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for j in 0..<n {
            for k in 0..<4 { triplets.append(((j * 7 + k * 12_347) % m, j, Double(j % 13 + k) / 7)) }
        }
        let objective = (0..<n).map { j -> Double in Double(j % 11) - 5 }
        let rowLower = (0..<m).map { i -> Double in i % 3 == 0 ? -.infinity : Double(i % 5) }
        let rowUpper = (0..<m).map { i -> Double in i % 3 == 1 ? .infinity : Double(i % 5 + 2) }
        let columnUpper = (0..<n).map { j -> Double in j % 2 == 0 ? .infinity : Double(j % 9 + 1) }
        return LinearProgram(
            objective: objective, matrix: SparseMatrix(rowCount: m, columnCount: n, triplets: triplets),
            rowLower: rowLower, rowUpper: rowUpper, columnLower: Array(repeating: 0, count: n), columnUpper: columnUpper)
    }

    // MARK: Netlib

    @Test(.enabled(if: Netlib.folder != nil, Netlib.absence), arguments: Netlib.problems)
    func netlibProblem(name: String) throws {
        let folder = try #require(Netlib.folder)
        let size = try #require(Netlib.sizes[name], "\(name) is not in the README's table")
        let lp = try MPSReader.read(path: "\(folder)/\(name).mps")
        #expect(lp.rowCount == size.rows)
        #expect(lp.columnCount == size.columns)
        #expect(lp.inconsistency() == nil)
        #expect(try MPSReader.read(path: "\(folder)/\(name).mps", format: .fixed) == lp)
        #expect(try MPSReader.parse(MPSWriter.text(lp)) == lp)
    }

    @Test(.enabled(if: Netlib.folder != nil, Netlib.absence))
    func netlibTableListsEveryFile() {
        #expect(Set(Netlib.sizes.keys) == Set(Netlib.problems))
    }

    /// The warnings of text that reads, as printed; text that does not read is an issue
    /// (swallowed, it made every `warnings(lp:) == []` hold).
    private func warnings(lp text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        var warnings: [String] = []
        do {
            _ = try MPSReader.parse(text) { warnings.append($0.description) }
        } catch {
            Issue.record("the text did not read: \(error)", sourceLocation: sourceLocation)
        }
        return warnings
    }
}

/// The Netlib problems kept next to the repository in `../shared/netlib`, or in the folder
/// `$CAPSIM_NETLIB` names. The README's table counts rows without the objective row, as
/// `LinearProgram.rowCount` does.
private enum Netlib {
    static let absence: Comment = "no Netlib folder: set CAPSIM_NETLIB or put it at ../shared/netlib beside the repository"

    static let folder: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates: [String?] = [ProcessInfo.processInfo.environment["CAPSIM_NETLIB"], root.appendingPathComponent("../shared/netlib").standardized.path]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: "\($0)/README.md") }
    }()

    static let problems: [String] = {
        guard let folder, let files = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return files.filter { $0.hasSuffix(".mps") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// Rows and columns by problem, from the README's table (`| name | rows | columns | … |`).
    static let sizes: [String: (rows: Int, columns: Int)] = {
        guard let folder, let readme = try? String(contentsOfFile: "\(folder)/README.md", encoding: .utf8) else { return [:] }
        var sizes: [String: (rows: Int, columns: Int)] = [:]
        for line in readme.split(separator: "\n") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count >= 3, let rows = Int(cells[1]), let columns = Int(cells[2]) { sizes[cells[0]] = (rows, columns) }
        }
        return sizes
    }()
}
