import Foundation

/// How the fields of an MPS data line are found.
public enum MPSFormat: Sendable {
    /// Each data line is read as free format; a line that makes no sense that way (a wrong
    /// number of fields, an unknown name, a value that is not a number) is read again by
    /// the fixed columns, and only if that fails too is it an error — the free reading's.
    /// Once a line has been read by the fixed columns the file is taken to be fixed-format:
    /// each later line is read by them first, and as free format only when that fails
    /// (the error then is the fixed reading's). In a fixed-format file a name with a space
    /// can make a free reading valid but wrong: ` FR BND       X 1`, for the column `X 1`,
    /// reads as FR on the column `X` with a value that FR ignores. Files whose names have
    /// no spaces, such as the Netlib collection, read the same either way; a row name with
    /// a space always breaks the free reading of its ROWS line, and a column name with one
    /// almost always that of its COLUMNS lines, so a file with such names is known to be
    /// fixed-format before its RHS, RANGES and BOUNDS. A file where it is not (a line whose
    /// spaced names still split into valid free fields before any line has needed the
    /// fixed columns) must be read with `.fixed`.
    case automatic
    /// Fields are separated by spaces or tabs (or any control character), so names cannot
    /// contain spaces.
    case free
    /// Fields sit in the MPS standard's columns 2–3, 5–12, 15–22, 25–36, 40–47 and 50–61
    /// (counted in bytes); names may contain spaces, and text anywhere else on a data line
    /// is an error rather than being silently cut off.
    case fixed
}

/// What is wrong with an MPS file, and where.
public struct MPSError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// The 1-based line; 0 when the file as a whole cannot be read.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)" }
}

/// Something an MPS file says that is read, but perhaps not as its writer meant (an
/// integer bound read as its LP relaxation, an entry of an unused set), and where.
public struct MPSWarning: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The 1-based line.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): warning: \(message)" }
}

/// Reads a linear program from MPS text (the work is done by `MPSParser`).
///
/// The conventions are the MPS standard's, with these choices where it leaves one:
/// - Sections come in the order NAME, OBJSENSE, ROWS, COLUMNS, RHS, RANGES, BOUNDS,
///   ENDATA, their keywords in any case; ROWS, COLUMNS and ENDATA are needed, and a
///   section after ROWS or COLUMNS without it before is an error at the section's line
///   (its lines would fail as naming unknown rows or columns), which says so when it
///   comes later instead. Data lines start with a blank. A missing ENDATA is an error,
///   because a truncated file would otherwise read as a smaller problem; text after it
///   is ignored, with a warning. Lines starting with `*` are
///   comments, blank lines are skipped; a line ends with LF, CRLF or a lone CR (old Mac
///   files), and a UTF-8 byte-order mark at the start is skipped. An empty file, a
///   gzip-compressed one and a NUL byte are errors that say so, rather than a line that
///   makes no sense.
/// - NAME gives the problem's name as the rest of its line, trimmed (`""` when absent),
///   so that it may contain spaces in either format. OBJSENSE takes MAX, MAXIMIZE, MIN or
///   MINIMIZE on its own line or on the next, indented; without one it is an error.
/// - The first `N` row is the objective; later `N` rows are free rows and are dropped with
///   their entries, RHS values and ranges (with a warning for an RHS or a range, which the
///   writer may have meant for a constraint). Without an `N` row the objective is zero and
///   is named `OBJ`, as HiGHS reads it, with a warning.
/// - An RHS value b on the objective row gives `objectiveConstant = −b`.
/// - A range R turns an `E` row into [b, b + |R|] when R > 0 and [b − |R|, b] when R < 0,
///   an `L` row into [b − |R|, b] and a `G` row into [b, b + |R|]; on the objective row it
///   is ignored, with a warning. A range on a row whose RHS leaves it no finite value (+∞
///   on an `L` row, −∞ on a `G` row, which are free rows without it) is an error.
/// - Columns default to [0, +∞). `UP` with a negative value on a column that no BOUNDS
///   line gives a lower bound (`LO`, `LI`, `FX`, `FR`, `MI`, `BV`), before or after it,
///   also sets the lower bound to −∞, with a warning; `LO 0` then `UP -1` is [0, −1].
///   `MI` and `PL` change only their own side, but a `PL` that removes such a negative
///   `UP` removes the −∞ it implied too. A value after `FR`, `MI` or `PL` is ignored
///   with a warning (after `BV`, silently). A bound of one type given twice for a
///   column is an error (`LO` and `LI` are one type, as are `UP` and `UI`); one type
///   after another sets what it sets (`FX 1` then `UP 5` is [1, 5]). A column left with
///   its lower bound above its upper is read so, with a warning at the line that did it:
///   the solve reports an invalid problem.
/// - Integrality is ignored, so a mixed-integer file reads as its LP relaxation: `MARKER`
///   lines (`'INTORG'`, `'INTEND'`; a line for a row named `'MARKER'` is an entry) are
///   accepted, `BV` is the bound [0, 1], `LI` and `UI`
///   are `LO` and `UP`; one warning counts these lines. Semi-continuous (`SC`) bounds are
///   an error.
/// - Only the first named RHS, RANGES and BOUNDS set is used; entries of other sets are
///   ignored unread, with a warning for each section that counts them. The set name may
///   be left out, which the number of fields shows; `FR`, `MI`, `PL` and `BV` lines of
///   two names that both name columns are read as a set and a column, with a warning.
/// - Numbers may have Fortran's D exponent (`1d3`).
/// - Values in RHS, RANGES and BOUNDS may be infinite (`inf`, `Infinity`); matrix and
///   objective values and the objective's RHS must be finite. No finite value (1e30, say)
///   is made infinite here. A bound that leaves a column no value (`UP` of −∞, `LO` of
///   +∞, `FX` of either) is an error, and so is one of 1e20 or more in size, which the
///   solver takes to be infinite (`UP` of −1e30).
/// - A column's entries must be contiguous, and each row, RHS and range may be given once
///   per column or row (an entry given twice names the line of the first). Explicit zeros
///   in COLUMNS are dropped; a matrix coefficient below 1e-100 in size (1e-320) is an error.
/// - Warnings go to `warn` once the whole file has been read without error, in line order.
public enum MPSReader {
    /// Reads the MPS file at `path`; errors and warnings name the path.
    public static func read(path: String, format: MPSFormat = .automatic, warn: (MPSWarning) -> Void = { _ in }) throws(MPSError) -> LinearProgram {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MPSError(file: path, line: 0, message: "cannot read the file: it does not exist")
        }
        guard !isDirectory.boolValue else {
            throw MPSError(file: path, line: 0, message: "cannot read the file: it is a directory")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = attributes?[.type] as? FileAttributeType == .typeRegular ? (attributes?[.size] as? NSNumber)?.intValue : nil
        let data = try contents(path, size: size)
        // The closure cannot throw a typed error, so the error travels out in a Result.
        return try data.withUnsafeBytes { raw in
            Result { () throws(MPSError) in try parse(raw.bindMemory(to: UInt8.self), file: path, format: format, warn: warn) }
        }.get()
    }

    /// The bytes of a file, read in chunks up to its end or to its first NUL byte, which no
    /// MPS text has: the parser then names the NUL's line and column without the rest being
    /// read. A 2 GB file of zeros (a sparse or damaged one) was read whole before failing
    /// at line 1, taking 14 s and 2.1 GB, and a device without end (`/dev/zero`) all memory.
    /// The chunks are read straight into one buffer, sized for a regular file's `size`:
    /// a `FileHandle` chunk is copied once more, which made a dispatch LP read slower than
    /// the whole-file read this replaces. A file that is not a regular one — a pipe,
    /// `/dev/stdin`, a process substitution — has no size and is read to at most
    /// `streamLimit` bytes.
    private static func contents(_ path: String, size: Int?) throws(MPSError) -> Data {
        func failure(_ code: Int32) -> MPSError {
            MPSError(file: path, line: 0, message: "cannot read the file: \(String(cString: strerror(code)))")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { close(descriptor) }
        // One byte more than the size, so that the end is found without growing the buffer;
        // at most `initialLimit` at first (a sparse file of 1 TB asked malloc for all of it,
        // and the nil it returned trapped), doubled as the bytes come.
        var capacity = min(max(size ?? 0, chunk), initialLimit) + 1, count = 0
        func noMemory() -> MPSError {
            MPSError(file: path, line: 0, message: "cannot read the file: not enough memory for \(capacity) bytes")
        }
        guard var buffer = malloc(capacity) else { throw noMemory() }
        while true {
            if count == capacity {
                capacity *= 2
                guard let grown = realloc(buffer, capacity) else {
                    free(buffer)
                    throw noMemory()
                }
                buffer = grown
            }
            let read = Foundation.read(descriptor, buffer + count, min(capacity - count, chunk))
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else {
                let code = errno
                free(buffer)
                throw failure(code)
            }
            if read == 0 { break }
            if let zero = memchr(buffer + count, 0, read) {
                count = zero - buffer + 1
                break
            }
            count += read
            guard size != nil || count <= streamLimit else {
                free(buffer)
                throw MPSError(file: path, line: 0, message: "cannot read the file: it is not a regular file, and it gave more than 4 GiB without an end")
            }
        }
        return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
    }

    /// The most read at a time: 1 MiB.
    private static let chunk = 1 << 20

    /// The most the buffer holds before the first bytes are read: 256 MiB (the 2030
    /// dispatch LP is 32 MB).
    private static let initialLimit = 256 << 20

    /// The most read from a file that is not a regular one: 4 GiB.
    static let streamLimit = 4 << 30

    /// Reads MPS text; errors and warnings name it `file`.
    public static func parse(_ text: String, file: String = "<input>", format: MPSFormat = .automatic, warn: (MPSWarning) -> Void = { _ in }) throws(MPSError) -> LinearProgram {
        var text = text
        return try text.withUTF8 { utf8 in
            Result { () throws(MPSError) in try parse(utf8, file: file, format: format, warn: warn) }
        }.get()
    }

    /// Reads the text in place: a copy of a large file would cost time and memory.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, format: MPSFormat, warn: (MPSWarning) -> Void) throws(MPSError) -> LinearProgram {
        var parser = MPSParser(bytes: bytes, file: file, format: format)
        let lp = try parser.parse()
        parser.warnings.forEach(warn)
        return lp
    }
}
