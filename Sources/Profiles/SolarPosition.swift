import Foundation

/// The sun's apparent position seen from a place on the earth at one instant.
///
/// Solar output profiles need the sun's zenith, azimuth and distance for every hour of a year
/// at each site, so this uses the short "general solar position" equations of NOAA's solar
/// calculator, taken from Meeus, *Astronomical Algorithms* (2nd ed. 1998): the sun's mean
/// longitude, mean anomaly and equation of the centre (ch. 25), the leading nutation and
/// aberration terms and the obliquity of the ecliptic (ch. 22, 25), and the horizontal
/// coordinates (ch. 13). The hour angle comes from Meeus's apparent sidereal time (ch. 12)
/// rather than the calculator's equation-of-time series. With no tables of periodic terms to
/// evaluate, a position costs a few hundred nanoseconds and is good to about 0.01° between 1900
/// and 2100. Two corrections of the NREL Solar Position Algorithm (Reda & Andreas 2004,
/// NREL/TP-560-34302) make the zenith the one an observer sees: the sun's parallax (8.794″ at
/// 1 AU, which lowers the sun by 8.794″ · cos(elevation) / distance), and its atmospheric
/// refraction formula, scaled by pressure and temperature.
public struct SolarPosition: Sendable, Equatable {
    /// Apparent (refraction-corrected, topocentric) zenith angle, degrees.
    public var zenith: Double
    /// Azimuth, degrees clockwise from north (0 ≤ azimuth < 360).
    public var azimuth: Double
    /// Sun–earth distance, astronomical units (for extraterrestrial irradiance 1361 W/m² / r²).
    public var distance: Double
    /// Degrees above the horizon (90 − zenith).
    public var elevation: Double { 90 - zenith }

    /// The air that bends the sunlight: refraction grows with density, so with pressure and
    /// with cold.
    public struct Atmosphere: Sendable, Equatable {
        /// Mean local air pressure, hPa.
        public var pressure: Double
        /// Mean local air temperature, °C.
        public var temperature: Double

        public init(pressure: Double, temperature: Double) {
            self.pressure = pressure
            self.temperature = temperature
        }

        /// 1010 hPa and 10 °C, the conditions for which the refraction formula is written.
        public static let standard = Atmosphere(pressure: 1010, temperature: 10)
    }

    /// The sun's position at `julianDay` (UT) seen from `latitude` (degrees north) and
    /// `longitude` (degrees east).
    ///
    /// `deltaT` is TT − UT in seconds (about 64 s in 2000, 69 s in 2024); leaving it 0 moves the
    /// sun by less than 1e-3°. Refraction is added only while the unrefracted sun is higher
    /// than −0.8334° (its semidiameter plus the refraction at the horizon), so a sun further
    /// below the horizon keeps its geometric zenith.
    public init(
        julianDay: Double, latitude: Double, longitude: Double,
        atmosphere: Atmosphere = .standard, deltaT: Double = 0
    ) {
        let radian = Double.pi / 180
        let day = julianDay - 2_451_545
        let t = (day + deltaT / 86_400) / 36_525  // Julian centuries of TT since J2000.0

        // The sun's geometric longitude and distance (Meeus 25.2–25.5), degrees and AU.
        let meanLongitude = 280.46646 + t * (36_000.76983 + t * 0.0003032)
        let meanAnomaly = (357.52911 + t * (35_999.05029 - t * 0.0001537)) * radian
        let eccentricity = 0.016708634 - t * (0.000042037 + t * 0.0000001267)
        let centre = sin(meanAnomaly) * (1.914602 - t * (0.004817 + t * 0.000014))
            + sin(2 * meanAnomaly) * (0.019993 - t * 0.000101)
            + sin(3 * meanAnomaly) * 0.000289
        let trueAnomaly = meanAnomaly + centre * radian
        distance = 1.000001018 * (1 - eccentricity * eccentricity) / (1 + eccentricity * cos(trueAnomaly))

        // Apparent longitude, obliquity and equatorial coordinates (Meeus 22.2, 25.6–25.8).
        let node = (125.04 - 1_934.136 * t) * radian
        let nutationInLongitude = -0.00478 * sin(node)
        let aberration = -0.00569
        let apparentLongitude = (meanLongitude + centre + aberration + nutationInLongitude) * radian
        let meanObliquity = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60
        let obliquity = (meanObliquity + 0.00256 * cos(node)) * radian
        let cosObliquity = cos(obliquity)
        let sinLongitude = sin(apparentLongitude)
        let sinDeclination = sin(obliquity) * sinLongitude
        let cosDeclinationCosRA = cos(apparentLongitude)
        let cosDeclinationSinRA = cosObliquity * sinLongitude

        // Hour angle from apparent sidereal time at Greenwich (Meeus 12.4), which runs on UT.
        let tUT = day / 36_525
        let siderealTime = 280.46061837 + 360.98564736629 * day + tUT * tUT * 0.000387933
            - tUT * tUT * tUT / 38_710_000 + nutationInLongitude * cosObliquity
        let localSiderealTime = (siderealTime + longitude) * radian
        let sinLST = sin(localSiderealTime)
        let cosLST = cos(localSiderealTime)
        let cosDeclinationCosHA = cosLST * cosDeclinationCosRA + sinLST * cosDeclinationSinRA
        let cosDeclinationSinHA = sinLST * cosDeclinationCosRA - cosLST * cosDeclinationSinRA

        // Elevation (Meeus 13.6), lowered by parallax and raised by refraction (SPA eq. 42).
        let sinLatitude = sin(latitude * radian)
        let cosLatitude = cos(latitude * radian)
        let sinAltitude = min(1, max(-1, sinLatitude * sinDeclination + cosLatitude * cosDeclinationCosHA))
        let parallax = 8.794 / 3_600 / distance * (1 - sinAltitude * sinAltitude).squareRoot()
        let topocentric = asin(sinAltitude) / radian - parallax
        var apparent = topocentric
        if topocentric > -0.8334 {
            let density = atmosphere.pressure / 1010 * 283 / (273 + atmosphere.temperature)
            apparent += density * 1.02 / (60 * tan((topocentric + 10.3 / (topocentric + 5.11)) * radian))
        }
        zenith = 90 - apparent

        // Azimuth from the south (Meeus 13.5), turned to count from the north.
        let southward = atan2(
            cosDeclinationSinHA, cosDeclinationCosHA * sinLatitude - sinDeclination * cosLatitude) / radian
        azimuth = southward < 180 ? southward + 180 : southward - 180
    }

    /// Julian day (UT) of a local civil time at a fixed UTC offset (hours ahead of UTC).
    /// Gregorian calendar (Meeus, ch. 7); days, hours and minutes past their range roll over.
    public static func julianDay(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, utcOffsetHours: Double
    ) -> Double {
        let (y, m) = month > 2 ? (year, month) : (year - 1, month + 12)
        let century = y / 100
        let days = (1_461 * (y + 4_716)) / 4 + (306_001 * (m + 1)) / 10_000 + day + 2 - century + century / 4
        let seconds = Double(hour * 3_600 + minute * 60) + second - utcOffsetHours * 3_600
        return Double(days) - 1_524.5 + seconds / 86_400
    }
}
