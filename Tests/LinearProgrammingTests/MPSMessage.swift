@testable import LinearProgramming

/// The error reading `text` gives, as printed (`file:line: error: …`), or nil when it reads.
func message(_ text: String, file: String = "<input>", format: MPSFormat = .automatic) -> String? {
    do throws(MPSError) {
        _ = try MPSReader.parse(text, file: file, format: format)
        return nil
    } catch {
        return error.description
    }
}
