import Testing
import EnergyModel

/// Paths split as text (`PathComponents`): Foundation's NSString methods trapped on a
/// relative path of one character, so `capsim sweep … --html x` crashed.
@Suite struct PathComponentsTests {
    @Test(arguments: [
        ("x", "", "x"), ("é", "", "é"), ("x/", "", "x"), ("ab", "", "ab"), ("a/b", "a", "b"), ("a//b/", "a", "b"),
        ("/x", "/", "x"), ("/", "/", "/"), ("", "", ""), ("./x", ".", "x"), ("/a/b/c.csv", "/a/b", "c.csv"), ("//x", "/", "x"),
    ])
    func folderAndName(path: String, folder: String, name: String) {
        #expect(PathComponents.folder(of: path) == folder, "\(path)")
        #expect(PathComponents.name(of: path) == name, "\(path)")
    }
}
