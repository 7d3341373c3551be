import Testing
@testable import LinearProgramming

/// The MPS standard's end-of-line comment: a `$` that begins field 3 or 5 starts a
/// comment running to the end of the line, in fixed format (columns 15 and 40) and in
/// free format (a field beginning with `$` after a line's first, or in ROWS and BOUNDS
/// its second), unless that field names a declared row (in BOUNDS, a column), as HiGHS
/// writes such names. Each file with comments must read as the same file without them.
@Suite struct MPSCommentTests {
    /// min x1 + 2 x2 with x1 + x2 ≤ 4, x1 ≥ 1 (the row LIM2), x1 ≤ 4.
    static let plain = """
        NAME          COMMENTS
        ROWS
         N  COST
         L  LIM1
         G  LIM2
        COLUMNS
            X1        COST      1.0            LIM1      1.0
            X1        LIM2      1.0
            X2        COST      2.0            LIM1      1.0
        RHS
            RHS       LIM1      4.0            LIM2      1.0
        BOUNDS
         UP BND       X1        4.0
        ENDATA
        """

    @Test(arguments: [MPSFormat.fixed, .automatic])
    func fixedFormatCommentsInFieldsThreeAndFive(format: MPSFormat) throws {
        let text = """
            NAME          COMMENTS
            ROWS
             N  COST
             L  LIM1      $ the line's capacity, in GW
             G  LIM2
            COLUMNS
                X1        COST      1.0            LIM1      1.0
                X1        LIM2      1.0            $ a comment that runs on well past column 61, where fixed fields end
                X2        COST      2.0            LIM1      1.0
            RHS
                RHS       LIM1      4.0            LIM2      1.0
            BOUNDS
             UP BND       X1        4.0            $cap
            ENDATA
            """
        let lp = try MPSReader.parse(text, format: format)
        #expect(lp == (try MPSReader.parse(Self.plain, format: format)))
        #expect(lp.rowNames == ["LIM1", "LIM2"] && lp.columnUpper == [4, .infinity])
        #expect(lp.matrix.values == [1, 1, 1])
    }

    @Test func freeFormatCommentsAfterTheFirstField() throws {
        let text = """
            NAME COMMENTS
            ROWS
             N COST
             L LIM1 $capacity
             G LIM2 $ minimum
            COLUMNS
             X1 COST 1.0 LIM1 1.0 $ five fields, then a comment
             X1 LIM2 1.0 $ field 5
             X2 COST 2.0 $ field 5 again
             X2 LIM1 1.0
            RHS
             RHS LIM1 4.0
             LIM2 1.0 $ no set name: the comment is the third field
            BOUNDS
             UP BND X1 4.0 $ GW
            ENDATA
            """
        let lp = try MPSReader.parse(text, format: .free)
        #expect(lp == (try MPSReader.parse(Self.plain, format: .free)))
        #expect(lp.rowLower == [-.infinity, 1] && lp.rowUpper == [4, .infinity])
    }

    /// A `$` that begins field 2 is part of a name: only fields 3 and 5 open comments.
    @Test func aNameInFieldTwoMayBeginWithADollar() throws {
        let lp = try MPSReader.parse("ROWS\n N  COST\n L  LIM\nCOLUMNS\n    $X  COST  3\n    $X  LIM  1\nRHS\n    $RHS  LIM  2\nENDATA\n")
        #expect(lp.columnNames == ["$X"])
        #expect(lp.objective == [3] && lp.rowUpper == [2])
    }

    /// A COLUMNS line whose row name is a comment has no pair left: the error names the
    /// line and says why.
    @Test func aLineLeftWithoutItsPairIsAnError() {
        for (text, format, column) in [("ROWS\n N  COST\nCOLUMNS\n    X1        $ no row here\nENDATA\n", MPSFormat.fixed, 15),
                                       ("ROWS\n N  COST\nCOLUMNS\n    X1  $NOPE  1\nENDATA\n", .free, 9)] {
            #expect(message(text, format: format) == "<input>:4: error: a COLUMNS line holds a column name and one or two row/value pairs; this one has 1 field; "
                + "the '$' in column \(column) starts a comment, as the MPS standard has it for a field 3 or 5 that begins with '$' (here it names no row or column declared)")
        }
    }

    /// HiGHS writes a row or column name that begins with `$` as it is, where the standard
    /// would read a comment: a name declared in ROWS (in BOUNDS, a column's) reads as the
    /// name, in free and fixed format, and the writer's names come back unchanged.
    @Test func aDeclaredNameThatBeginsWithADollarIsAName() throws {
        let written = """
            ROWS
             N  Obj
             L  $LIM
             G  MIN
            COLUMNS
                $X        Obj       1
                $X        $LIM      1
                $X        MIN       1
                Y         Obj       2
                Y         $LIM      1
            RHS
                RHS_V     $LIM      4
                RHS_V     MIN       1
            BOUNDS
             UP BOUND     $X        4
            ENDATA
            """
        for format in [MPSFormat.free, .fixed, .automatic] {
            let lp = try MPSReader.parse(written, format: format)
            #expect(lp.rowNames == ["$LIM", "MIN"] && lp.columnNames == ["$X", "Y"])
            #expect(lp.matrix.values == [1, 1, 1] && lp.rowUpper == [4, .infinity] && lp.columnUpper == [4, .infinity])
            let again = try MPSReader.parse(MPSWriter.text(lp))
            #expect(again == lp)
        }
    }
}
