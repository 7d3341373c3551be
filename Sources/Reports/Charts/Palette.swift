/// Colours for charts, from the Okabe–Ito set, which readers with the common forms of
/// colour blindness can tell apart. Colour is never the only cue: every chart also
/// names its series in the legend, in stacking order, and in a tooltip on each shape.
public enum Palette {
    public static let black = "#000000"
    public static let orange = "#E69F00"
    public static let skyBlue = "#56B4E9"
    public static let bluishGreen = "#009E73"
    public static let yellow = "#F0E442"
    public static let blue = "#0072B2"
    public static let vermillion = "#D55E00"
    public static let reddishPurple = "#CC79A7"
    public static let grey = "#999999"
    public static let darkGrey = "#555555"
    public static let lightGrey = "#CCCCCC"

    /// Colours in turn for series with no colour of their own.
    public static let cycle = [blue, orange, bluishGreen, vermillion, reddishPurple, skyBlue, yellow, darkGrey]

    /// Dash patterns in turn, so that lines differ in a grey print too.
    public static let dashes: [String?] = [nil, "6 3", "2 3", "8 3 2 3", "12 4", "1 2"]
}
