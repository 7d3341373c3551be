import Foundation
import Reports
import Testing
@testable import CapsimCommands

/// `capsim run` on a small city (a coal plant, a river, a battery; two years), and
/// `capsim lp export` against it.
///
/// By hand, roughly (calorific method, k = 122.9 tce/GWh): 1 TWh of load, about 400 GWh
/// from the river and 600 GWh from coal at 300 tce/GWh; TEC ≈ 100 000 (coal) + 50 000
/// (oil) + 12 143 (gas) + 180 000 (power coal) + 49 160 (hydro) ≈ 391 000 tce and NF ≈
/// 49 000 tce: a share near 12.6 %, clearly above 5 % and clearly below 50 %.
@Suite struct RunCommandTests: CommandRunner {
    static func scenario(shareTarget: String) -> String {
        Self.smallCity + """
        technologies:
          coal:
            kind: coal
            capacity: 0.3 GW
            heat_rate: 300 gce/kWh
            fuel_price: 1000 yuan/tce
            minimum_stable_load: 0 %
            ramp_rate: 100 %/h
          river:
            kind: run_of_river
            capacity: 0.1 GW
            full_load_hours: 4000 h
          battery:
            kind: lfp
            capacity: 0.05 GW
            duration: 2 h
            round_trip_efficiency: 85 %
        targets:
          - {id: share_2021, kind: non_fossil_share, year: 2021, at_least: \(shareTarget)}
          - {id: coal_2021, kind: capacity, year: 2021, technologies: [coal], at_least: 0.3 GW}

        """
    }

    func write(_ text: String) throws -> (folder: URL, file: String) {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("city.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, file.path)
    }

    @Test func metTargetsExitZeroWithCheck() throws {
        let (_, file) = try write(Self.scenario(shareTarget: "5 %"))
        let result = capsim("run", file, "--check")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("share_2021"))
        #expect(result.out.contains("Non-fossil share of total energy consumption"))
        #expect(!result.out.contains("MISSED"))
        for line in result.out.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
    }

    /// Coal's must-run output far above a load of 0.1 TWh with no exports has nowhere to go
    /// but the pumped-storage stations' round-trip losses: they charge and discharge in
    /// every hour, and the summary says so under the storage table (the JSON too); the
    /// default scenario does it in no hour.
    @Test func storageBurningEnergyInTheSameHourIsNamed() throws {
        let surplus = capsim("run", Self.path("shaoyang.yaml"), "--years", "2030", "--json", "-", "--set", "demand.annual_energy=1亿千瓦时",
                             "--set", "demand.peak=0.02GW", "--set", "grid.export_limit=0GW")
        #expect(surplus.status == 0, "\(surplus.err)")
        let object = try #require((try? JSONSerialization.jsonObject(with: Data(surplus.out.utf8))) as? [String: Any])
        let storage = try #require((object["years"] as? [[String: Any]])?.first?["storage"] as? [[String: Any]])
        let pumped = storage.filter { $0["kind"] as? String == "pumped_storage" }
        #expect(pumped.count == 3)
        for unit in pumped {
            let both = try #require(unit["same_hour_gwh"] as? Double), charge = try #require(unit["charge_gwh"] as? Double)
            let discharge = try #require(unit["discharge_gwh"] as? Double)
            #expect(unit["same_hour_hours"] as? Double == 8760 && both > 4000 && both <= min(charge, discharge), "\(unit)")
        }
        let html = try temporaryFolder().appendingPathComponent("report.html").path
        let text = capsim("run", Self.path("shaoyang.yaml"), "--years", "2030", "--set", "demand.annual_energy=1亿千瓦时",
                          "--set", "demand.peak=0.02GW", "--set", "grid.export_limit=0GW", "--html", html)
        #expect(text.out.contains("  ! 2030: charged and discharged in the same hour — xinshao_pumped 8760 h, "), "\(text.out)")
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("2030: charged and discharged in the same hour — xinshao_pumped 8760 h, "))
        for line in text.out.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
        let plain = capsim("run", Self.path("shaoyang.yaml"), "--years", "2030")
        #expect(plain.status == 0 && !plain.out.contains("same hour"))
    }

    /// The first line named the scenario, the years, the method and the seed in one line,
    /// 101 columns for a shipped scenario's name; a long name now wraps within 100.
    @Test func longScenarioNameWrapsWithinTheWidth() throws {
        let name = "a city whose scenario name is long, as the pumped storage delayed two years variant's is"
        let (_, file) = try write(Self.scenario(shareTarget: "5 %").replacingOccurrences(of: "name: small city", with: "name: \(name)"))
        let result = capsim("run", file)
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0] + " " + lines[1].drop { $0 == " " }
        #expect(header.hasPrefix("\(name): 2020–2021, calorific accounting, weather seed "), "\(lines.prefix(3))")
        #expect(lines[1].hasPrefix("  ") && lines[2].isEmpty)
        for line in lines { #expect(TextLayout.width(String(line)) <= 100, "\(line)") }
    }

    /// `--check-binding` leaves out strive-for targets: a missed share target marked
    /// `strive: true` exits 0 with it and 3 with `--check`; unmarked, 3 with either.
    @Test func checkBindingLeavesOutStriveForTargets() throws {
        let (_, strive) = try write(Self.scenario(shareTarget: "50 %, strive: true"))
        #expect(capsim("run", strive, "--check-binding").status == 0)
        #expect(capsim("run", strive, "--check").status == 3)
        #expect(capsim("run", strive, "--check", "--check-binding").status == 3)
        let (_, binding) = try write(Self.scenario(shareTarget: "50 %"))
        #expect(capsim("run", binding, "--check-binding").status == 3)
    }

    @Test func missedTargetExitsThreeOnlyWithCheck() throws {
        let (_, file) = try write(Self.scenario(shareTarget: "50 %"))
        let checked = capsim("run", file, "--check")
        #expect(checked.status == 3)
        #expect(checked.out.contains("MISSED"))
        #expect(checked.out.contains("→"), "a lever under the missed target")
        // A calorific share is not the plans' measure: the table says so.
        #expect(checked.out.contains("  (counted by the calorific method; China's statistics and its plans' share targets count by the"))
        #expect(capsim("run", file).status == 0)
        // The share's margin is in percentage points: simulated − required.
        let row = checked.out.split(separator: "\n").first { $0.hasPrefix("share_2021") }.map { $0.split(separator: " ").map(String.init) } ?? []
        let simulated = row.lastIndex(of: "%").flatMap { Double(row[$0 - 1]) }
        let margin = row.firstIndex(of: "pp").flatMap { Double(row[$0 - 1]) }
        #expect(row.last == "MISSED", "\(row)")
        guard let simulated, let margin else {
            Issue.record("no simulated share or margin in pp in \(row)")
            return
        }
        #expect(abs(margin - (simulated - 50)) <= 1e-3, "\(row)")
    }

    /// `--set KEY=VALUE` is the variant file that writes the value: the same share, the same
    /// exported LP, and the run says what it set (summary and JSON). A value the scenario
    /// cannot take is a scenario error (exit 1); an option that is not one value, a usage
    /// error (exit 2).
    @Test func setReplacesOneValueAsAVariantWould() throws {
        let (folder, file) = try write(Self.scenario(shareTarget: "5 %"))
        let variant = folder.appendingPathComponent("variant.yaml").path
        try "extends: city.yaml\ntechnologies:\n  battery:\n    capacity: 0.12 GW\n".write(toFile: variant, atomically: true, encoding: .utf8)
        let set = ["--set", "technologies.battery.capacity=0.12GW"]
        let share = { (out: String) in
            ((try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [String: Any]).flatMap { ($0["years"] as? [[String: Any]])?.last?["non_fossil_share"] as? Double }
        }
        let withSet = capsim(["run", file, "--json", "-"] + set), fromVariant = capsim("run", variant, "--json", "-"), plain = capsim("run", file, "--json", "-")
        let shares = [withSet, fromVariant, plain].map { share($0.out) }
        #expect(shares[0] != nil && shares[0] == shares[1] && shares[0] != shares[2], "\(shares)")
        let scenario = ((try? JSONSerialization.jsonObject(with: Data(withSet.out.utf8))) as? [String: Any])?["scenario"] as? [String: Any]
        #expect(scenario?["set"] as? [String] == ["technologies.battery.capacity=0.12GW"])
        #expect(capsim(["run", file] + set).out.split(separator: "\n").dropFirst().first == "  --set technologies.battery.capacity=0.12GW")
        let capacity = capsim(["capacity", file, "--json", "-"] + set)
        let card = ((try? JSONSerialization.jsonObject(with: Data(capacity.out.utf8))) as? [String: Any])?["scenario"] as? [String: Any]
        #expect(card?["set"] as? [String] == ["technologies.battery.capacity=0.12GW"], "\(capacity.err)")
        let exported = [folder.appendingPathComponent("set.mps").path, folder.appendingPathComponent("variant.mps").path]
        #expect(capsim(["lp", "export", file, "--year", "2021", "--out", exported[0]] + set).status == 0)
        #expect(capsim("lp", "export", variant, "--year", "2021", "--out", exported[1]).status == 0)
        let texts = try exported.map { try String(contentsOfFile: $0, encoding: .utf8) }
        // The first line says what wrote the file; the rest is the LP, its hours first.
        #expect(texts[0].hasPrefix("* written by capsim lp export \(file) --set technologies.battery.capacity=0.12GW --year 2021 --from 2020 --seed 1 --out \(exported[0])\n*STAGES ROWS "),
                "\(texts[0].prefix(200))")
        #expect(texts[0].drop { $0 != "\n" } == texts[1].drop { $0 != "\n" })

        let unknown = capsim("run", file, "--set", "technologies.batery.capacity=1GW")
        #expect(unknown.status == 1 && unknown.err.contains("found no key technologies.batery in the scenario (did you mean \"battery\"?)"), "\(unknown.err)")
        let usages: [(String, String)] = [
            ("technologies.battery.capacity", "capsim: --set technologies.battery.capacity: expected KEY=VALUE (a scenario key, then its value with its unit)\n"),
            ("technologies.battery.capacity=1GW,2GW", "capsim: --set technologies.battery.capacity: 2 values, expected one (capsim sweep runs one projection per value)\n"),
            ("weather.seed=4", "capsim: --set weather.seed=4: the weather seed is an option of its own, --seed of run, profiles and lp export, --seeds of sweep\n"),
        ]
        for (value, message) in usages {
            let result = capsim("run", file, "--set", value)
            #expect(result.status == 2 && result.err == message, "\(value): \(result.err)")
        }
        let nested = capsim("run", file, "--set", "technologies.battery.capacity=1GW", "--set", "technologies.battery=x")
        #expect(nested.status == 2 && nested.err.hasPrefix("capsim: --set technologies.battery.capacity and --set technologies.battery: one key lies inside the other"))
        let twice = capsim("run", file, "--set", "technologies.battery.capacity=1GW", "--set", "technologies.battery.capacity=2GW")
        #expect(twice.status == 2 && twice.err == "capsim: --set technologies.battery.capacity given twice: give the key once\n", "\(twice.err)")
    }

    /// A year set under a key the file writes as one value (`capacity: 0.15 GW`) replaced
    /// the whole key, leaving the other years at 0 GW: 469 GWh unserved where there was
    /// none. Such a path, a year beside `{value: …}` and an item of a list are refused; a
    /// year under milestones sets that milestone. A problem the file's lines show, caused
    /// by a value set, names the value.
    @Test func setRefusesAKeyItsParentCannotHold() throws {
        let (_, file) = try write(Self.scenario(shareTarget: "5 %"))
        let scalar = capsim("run", file, "--set", "technologies.coal.capacity.2021=0.1GW")
        #expect(scalar.status == 1 && scalar.err.contains("technologies.coal.capacity.2021: found a key under technologies.coal.capacity, which \(file):")
            && scalar.err.contains("writes as one value, \"0.3 GW\", expected --set technologies.coal.capacity=VALUE to replace the whole of it, or milestones by year written in the file first"), "\(scalar.err)")
        let unset = try write(Self.scenario(shareTarget: "5 %").replacingOccurrences(of: "peak: 0.2 GW", with: "peak: 0.1 GW"))
        let invalid = capsim("run", unset.file)
        #expect(invalid.status == 1 && !invalid.err.contains("values set"), "no value was set: \(invalid.err)")
        let item = capsim("run", file, "--set", "targets.0.at_least=5 %")
        #expect(item.status == 1 && item.err.contains("found a key under targets, which") && item.err.contains("(--set cannot name an item of a list"), "\(item.err)")
        let load = capsim("run", file, "--set", "demand.annual_energy=100 TWh")
        #expect(load.status == 1 && load.err.hasSuffix("problems found\ncapsim: the values set, which the problems above may come from: demand.annual_energy=100 TWh (--set)\n"), "\(load.err)")
    }

    /// A CSV path given by --set is relative to the scenario's folder, as the file's own
    /// paths are (it was read against the working directory, or against the option's text).
    @Test func setPathsAreRelativeToTheScenario() throws {
        let (folder, file) = try write(Self.scenario(shareTarget: "5 %"))
        let hours = (0..<8760).map { "\(0.2 + 0.1 * sin(Double($0) / 24 * 2 * .pi))" }.joined(separator: "\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        try (hours + "\n").write(to: folder.appendingPathComponent("data/wind.csv"), atomically: true, encoding: .utf8)
        let elsewhere = FileManager.default.currentDirectoryPath
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/data/wind.csv"))
        let result = capsim("capacity", file, "--set", "technologies.river.profile_csv=data/wind.csv")
        #expect(result.status == 0, "\(result.err)")
        let missing = capsim("capacity", file, "--set", "technologies.river.profile_csv=data/none.csv")
        #expect(missing.status == 1 && missing.err.contains("found no readable file at \(folder.path)/data/none.csv"), "\(missing.err)")
    }

    /// A curtailment target above its threshold in a year with a battery: after the GWh
    /// to absorb, the measured battery power and energy, in the summary and in the JSON.
    /// (The search itself is checked against dispatches in `StorageResponseTests`.)
    @Test func aMissedCurtailmentTargetGetsAMeasuredBattery() throws {
        let (folder, file) = try write(Self.smallCity + """
            technologies:
              coal: {kind: coal, capacity: 0.3 GW, heat_rate: 300 gce/kWh, fuel_price: 1000 yuan/tce, minimum_stable_load: 0 %, ramp_rate: 100 %/h}
              pv: {kind: solar_centralised, capacity: 0.3 GW, full_load_hours: 1300 h}
              battery: {kind: lfp, capacity: 0.01 GW, duration: 4 h, round_trip_efficiency: 90 %}
            targets:
              - {id: curtailment_2021, kind: curtailment, year: 2021, at_most: 5 %}

            """)
        let json = folder.appendingPathComponent("run.json").path
        let run = capsim("run", file, "--json", json)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("battery power to add:") && run.out.contains("measured: that battery's energy, at 4 h:"), "\(run.out)")
        #expect(run.out.range(of: "\nThe measured levers dispatched a year again [0-9]+ times beyond these.\n$", options: .regularExpression) != nil, "\(run.out)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let target = try #require((object["targets"] as? [[String: Any]])?.first)
        #expect(target["status"] as? String == "missed")
        let levers = try #require(target["levers"] as? [[String: Any]])
        #expect(levers.compactMap { $0["unit"] as? String } == ["GWh", "GW", "GWh"])
        let power = try #require(levers[1]["amount"] as? Double), energy = try #require(levers[2]["amount"] as? Double)
        #expect(power > 0 && power < 0.3 && abs(energy - 4 * power) <= 1e-12 * energy, "\(power) GW, \(energy) GWh")
        #expect((levers[1]["text"] as? String)?.hasPrefix("measured, the year dispatched again with a larger battery at its 4 h, new cells in service all year (") == true)
    }

    /// Three reports that read wrong: an "at most 0 %" curtailment target was MISSED in a
    /// year with nothing curtailed (the interior point's 10⁻⁹ GW an hour summed to 10⁻⁷ GWh);
    /// a target missed by 10⁻⁶ GW showed a margin of "0" and a lever of "0 GW"; the share
    /// table showed only the first share target of a year, and ran a wide target into the
    /// share beside it.
    @Test func smallOutcomesAndSeveralShareTargetsReadRight() throws {
        // A river smaller than the lowest load: nothing is curtailed. Some PV, so that the
        // share below its target gets PV levers measured by dispatching the year again.
        let text = Self.scenario(shareTarget: "5 %").replacingOccurrences(of: "capacity: 0.1 GW", with: "capacity: 0.05 GW")
            .replacingOccurrences(of: "  battery:", with: "  pv:\n    kind: solar_centralised\n    capacity: 0.02 GW\n    full_load_hours: 1000 h\n  battery:") + """
              - {id: share_high_2021, kind: non_fossil_share, year: 2021, at_least: 50 %, tolerance: 45 pp}
              - {id: no_curtailment_2021, kind: curtailment, year: 2021, at_most: 0 %}
              - {id: coal_hair_2021, kind: capacity, year: 2021, technologies: [coal], at_least: 0.300001 GW}

            """
        let (folder, file) = try write(text)
        let json = folder.appendingPathComponent("out.json").path
        let result = capsim("run", file, "--years", "2021...2021", "--json", json)
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        let curtailment = lines.first { $0.hasPrefix("no_curtailment_2021") } ?? ""
        #expect(curtailment.hasSuffix(" met") && curtailment.contains(" 0 % ") && curtailment.contains(" +0 pp "), "\(curtailment)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let year = (report?["years"] as? [[String: Any]])?.first
        #expect(year?["curtailment_gwh"] as? Double == 0, "\(String(describing: year?["curtailment_gwh"]))")
        let hair = lines.first { $0.hasPrefix("coal_hair_2021") } ?? ""
        #expect(hair.contains("-0.000001 GW") && hair.hasSuffix("MISSED"), "\(hair)")
        #expect(lines.contains { $0.contains("→") && $0.hasSuffix(": 0.000001 GW") }, "the lever's amount")
        #expect(lines.contains { $0.contains("→ measured, the year dispatched again with more PV on pv") || $0.contains("→ measured, not closed by PV alone") },
                "measured PV levers")
        let share = lines.firstIndex { $0.hasPrefix("year") && $0.contains("share") && $0.contains("target") } ?? 0
        #expect(lines[share + 1].hasPrefix("2021") && lines[share + 1].contains("≥ 5 %"), "\(lines[share + 1])")
        #expect(lines[share + 2].hasPrefix("      ") && lines[share + 2].contains("≥ 50 % ±45 pp"), "\(lines[share + 2])")
        // About 12.5 % against 50 % ±45 pp: short of 50 %, above 5 %.
        #expect(lines[share + 2].hasSuffix("within tolerance"), "\(lines[share + 2])")
        for line in lines { #expect(TextLayout.width(line) <= 100, "\(line)") }
    }

    /// An output that fails after the checks (made read-only while the run went on) cost
    /// the other outputs and the summary. Each failure is said, the rest is written, and
    /// the run ends with status 1 naming what is missing; a file that fails once and is
    /// written later is not named.
    @Test func anOutputThatFailsLateLosesNothingElse() throws {
        let folder = try temporaryFolder()
        let good = folder.appendingPathComponent("good.json").path, bad = folder.appendingPathComponent("bad.json").path
        let late = folder.appendingPathComponent("late.json").path
        for path in [bad, late] {
            try Data("old".utf8).write(to: URL(fileURLWithPath: path))
            chmod(path, 0o444)
        }
        let console = Console(collecting: true)
        let status = Console.$current.withValue(console) { () -> Int32 in
            var files = RunCommand.UnwrittenFiles()
            files.write("x", to: bad)
            files.write("x", to: late)
            files.write("x", to: bad)
            chmod(late, 0o644)
            files.write("written", to: late)
            files.write("kept", to: good)
            do {
                try files.finish()
                return 0
            } catch {
                return (error as? CommandFailure)?.status.rawValue ?? -1
            }
        }
        #expect(status == 1)
        #expect(try String(contentsOfFile: good, encoding: .utf8) == "kept")
        #expect(try String(contentsOfFile: late, encoding: .utf8) == "written")
        #expect(try String(contentsOfFile: bad, encoding: .utf8) == "old")
        let said = [bad, late].map { "capsim: cannot write \($0): it is read-only (permissions 444): make it writable (chmod u+w) or remove it; the run goes on\n" }
        #expect(console.standardError == said.joined() + "capsim: the run is complete, but \(bad) could not be written (above)\n")
    }

    /// An output that cannot be written is found before any year is solved, and no other
    /// output is written.
    @Test func unwritableOutputIsRefusedBeforeSolving() throws {
        let (folder, file) = try write(Self.scenario(shareTarget: "5 %"))
        let html = folder.appendingPathComponent("report.html").path
        let result = capsim("run", file, "--json", folder.appendingPathComponent("missing/out.json").path, "--html", html)
        #expect(result.status == 1)
        #expect(result.err.contains("cannot write \(folder.appendingPathComponent("missing/out.json").path): the folder"), "\(result.err)")
        #expect(!result.err.contains(" done:"), "no year was solved")
        #expect(!FileManager.default.fileExists(atPath: html))
        #expect(capsim("run", file, "--json", folder.path).err.contains("it is a folder"))
    }

    @Test func jsonFollowsTheSchema() throws {
        let (folder, file) = try write(Self.scenario(shareTarget: "5 %"))
        let json = folder.appendingPathComponent("run.json").path
        #expect(capsim("run", file, "--json", json).status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        #expect(object["schema"] as? String == "capsim.run/1")
        let years = try #require(object["years"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? Int } == [2020, 2021])
        for key in ["inputs", "generation_gwh", "curtailment_gwh", "unserved_gwh", "storage", "energy_tce", "non_fossil_share", "co2_t", "cost_yuan", "solver"] {
            #expect(years[0][key] != nil, "years[].\(key)")
        }
        let solver = try #require(years[1]["solver"] as? [String: Any])
        #expect(solver["status"] as? String == "optimal")
        for key in ["objective", "iterations", "seconds"] { #expect(solver[key] != nil, "solver.\(key)") }
        let generation = try #require(years[1]["generation_gwh"] as? [String: Double])
        let curtailed = try #require(years[1]["curtailment_gwh"] as? Double)
        #expect(abs(generation["river"]! + curtailed - 400) < 1e-6, "river energy used and curtailed: 4000 h × 0.1 GW")
        let share = try #require(years[1]["non_fossil_share"] as? Double)
        #expect(share > 0.11 && share < 0.14)
        let targets = try #require(object["targets"] as? [[String: Any]])
        #expect(targets.map { $0["id"] as? String } == ["share_2021", "coal_2021"])
        for key in ["id", "year", "kind", "required", "value", "unit", "status"] { #expect(targets[0][key] != nil, "targets[].\(key)") }
        #expect(targets[0]["status"] as? String == "met")
    }

    /// The analyst's check: from annual.csv alone, NF ÷ TEC by the formulas of
    /// docs/accounting.md gives the share capsim reports; the hourly balance closes.
    @Test func csvReproducesTheShareAndTheHourlyBalance() throws {
        let (folder, file) = try write(Self.scenario(shareTarget: "5 %"))
        let out = folder.appendingPathComponent("out").path
        let result = capsim("run", file, "--csv", out, "--hourly")
        #expect(result.status == 0, "\(result.err)")
        let annual = try table(out + "/annual.csv")
        #expect(annual.count == 2)
        let lines = try String(contentsOfFile: out + "/annual.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.dropFirst().map { $0.prefix(5) } == ["2020,", "2021,"], "the year as a whole number")
        for row in annual {
            let k = row["primary_electricity_factor"]!
            let tec = row["coal"]! + row["oil"]! + row["natural_gas"]! + row["primary_electricity"]! + row["net_imported_electricity"]! + row["other_non_fossil"]!
            let nf = row["other_non_fossil"]! + k * row["non_fossil_generation"]! + k * row["imports_gwh"]! * row["grid_non_fossil_share"]!
                - k * row["non_fossil_exports_gwh"]!
            #expect(abs(tec - row["total_energy_consumption"]!) <= 1e-9 * tec)
            #expect(abs(nf / tec - row["non_fossil_share"]!) <= 1e-9)
        }
        let hourly = try table(out + "/hourly-2021.csv")
        #expect(hourly.count == 8760)
        for row in hourly {
            let supply = row["coal.output_gw"]! + row["river.output_gw"]! + row["battery.output_gw"]! - row["battery.charge_gw"]!
            #expect(abs(supply + row["unserved_gw"]! - row["load_gw"]!) <= 1e-6)
        }
        #expect(try String(contentsOfFile: out + "/targets.csv", encoding: .utf8).split(separator: "\n").count == 3)
    }

    /// A coal plant at 130 gce/kWh exporting under coal-equivalent accounting with k set to
    /// 1 000 gce/kWh: each exported GWh takes 1 000 tce out of TEC for 130 burned, and NF
    /// exceeds TEC. The share is counted as the formulas say (over 100 %) and the summary
    /// says why under the share table; the default scenario has no such note.
    @Test func aShareAboveOneHundredPercentIsExplained() throws {
        let text = Self.smallCity.replacingOccurrences(of: "accounting: {method: calorific}", with: "accounting: {method: coal_equivalent, coal_power_heat_rate: 1000 gce/kWh}")
            .replacingOccurrences(of: "non_power_fuels: {coal: 0.1 Mtce, oil: 0.05 Mtce, natural_gas: 0.1 亿立方米}", with: "non_power_fuels: {coal: 0 tce, oil: 0 tce, natural_gas: 0 tce}") + """
            technologies:
              coal: {kind: coal, capacity: 0.3 GW, heat_rate: 130 gce/kWh, fuel_price: 100 yuan/tce, minimum_stable_load: 0 %, ramp_rate: 100 %/h}
              wind: {kind: wind, capacity: 0.5 GW, full_load_hours: 2000 h}
            grid: {import_limit: 0.5 GW, export_limit: 0.1 GW, import_price: 450 yuan/MWh, export_price: 440 yuan/MWh, non_fossil_share: 0 %}

            """
        let (folder, file) = try write(text)
        let json = folder.appendingPathComponent("r.json").path
        let result = capsim("run", file, "--json", json)
        #expect(result.status == 0, "\(result.err)")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let years = try #require(document?["years"] as? [[String: Any]])
        let shares = years.compactMap { $0["non_fossil_share"] as? Double }
        #expect(shares.count == 2 && shares.allSatisfy { $0 > 1 }, "\(shares)")
        let summary = capsim("run", file).out
        for year in [2020, 2021] {
            #expect(summary.contains("(\(year): NF, "), "\(summary)")
        }
        let joined = summary.replacingOccurrences(of: "\n  ", with: " ")
        #expect(joined.contains("Mtce: exports of fossil power, ") && joined.contains("leave TEC at k = 1000 tce/GWh, while the city's coal and gas plants burned 130 tce/GWh"),
                "\(summary)")
        #expect(!capsim("run", Self.path("shaoyang.yaml")).out.contains("exceeds TEC"))
        // Exports of 1 GW of such coal power take TEC below zero: no share is formed (shown
        // as 0 %), the note says why, and no lever is offered (gap × TEC was a negative energy).
        let below = text.replacingOccurrences(of: "export_limit: 0.1 GW", with: "export_limit: 1 GW").replacingOccurrences(of: "capacity: 0.3 GW, heat_rate", with: "capacity: 1.5 GW, heat_rate")
            + "targets:\n  - {id: share, kind: non_fossil_share, year: 2021, at_least: 10 %}\n"
        let (_, belowFile) = try write(below)
        let negative = capsim("run", belowFile).out
        #expect(negative.replacingOccurrences(of: "\n  ", with: " ").contains("(2021: TEC is -"), "\(negative)")
        #expect(negative.contains("MISSED") && !negative.contains("→ first-order"), "\(negative)")
        // A year with no fossil energy at all has NF = TEC up to rounding: no note.
        let green = Self.smallCity.replacingOccurrences(of: "non_power_fuels: {coal: 0.1 Mtce, oil: 0.05 Mtce, natural_gas: 0.1 亿立方米}",
                                                         with: "non_power_fuels: {coal: 0 tce, oil: 0 tce, natural_gas: 0 tce}") + """
            technologies:
              wind: {kind: wind, capacity: 1 GW, full_load_hours: 2000 h}
            grid: {import_limit: 0.5 GW, export_limit: 1 GW, import_price: 450 yuan/MWh, export_price: 300 yuan/MWh, non_fossil_share: 100 %}

            """
        let (_, greenFile) = try write(green)
        let greenRun = capsim("run", greenFile)
        #expect(greenRun.status == 0 && greenRun.out.contains("100.00 %") && !greenRun.out.contains("exceeds TEC"), "\(greenRun.out)")
    }

    /// Both tables end with the run's weather seed and its --set values (a JSON array), in
    /// every row, so that the tables of two what-ifs stay apart once copied out of their folders.
    @Test func csvTablesRecordTheSeedAndTheValuesSet() throws {
        let (folder, file) = try write(Self.scenario(shareTarget: "5 %"))
        let out = folder.appendingPathComponent("out").path
        let result = capsim("run", file, "--csv", out, "--seed", "7", "--set", "technologies.battery.capacity=0.12GW",
                            "--set", "technologies.river.full_load_hours=3900 h")
        #expect(result.status == 0, "\(result.err)")
        let annual = try String(contentsOfFile: out + "/annual.csv", encoding: .utf8).split(separator: "\n")
        #expect(annual[0].hasSuffix(",curtailment_fraction,weather_seed,set"))
        // A JSON array of the settings, one CSV field (quoted: it holds quotes and a comma).
        let set = #",7,"[""technologies.battery.capacity=0.12GW"",""technologies.river.full_load_hours=3900 h""]""#
        for row in annual.dropFirst() {
            #expect(row.hasSuffix(set), "\(row)")
            #expect(CSVField.fields(row)?.last == #"["technologies.battery.capacity=0.12GW","technologies.river.full_load_hours=3900 h"]"#)
        }
        let targets = try String(contentsOfFile: out + "/targets.csv", encoding: .utf8).split(separator: "\n")
        #expect(targets.first == "id,year,kind,comparison,required,tolerance,value,margin,unit,status,strive,lever,weather_seed,set")
        #expect(targets.count == 3 && targets.dropFirst().allSatisfy { $0.hasSuffix(",false," + set) }, "\(targets)")
        // A value holding "; " stays one setting.
        let plain = folder.appendingPathComponent("plain").path
        #expect(capsim("run", file, "--csv", plain, "--seed", "7", "--set", "technologies.coal.name=Plant; unit 1").status == 0)
        let plainTargets = try String(contentsOfFile: plain + "/targets.csv", encoding: .utf8).split(separator: "\n")
        #expect(plainTargets.dropFirst().allSatisfy { CSVField.fields($0)?.suffix(2) == ["7", #"["technologies.coal.name=Plant; unit 1"]"#] }, "\(plainTargets)")
    }

    @Test func exportedLPHasTheObjectiveRunReports() throws {
        let (folder, file) = try write(Self.scenario(shareTarget: "5 %"))
        let json = folder.appendingPathComponent("run.json").path, mps = folder.appendingPathComponent("2021.mps").path
        #expect(capsim("run", file, "--json", json).status == 0)
        let exported = capsim("lp", "export", file, "--year", "2021", "--out", mps)
        #expect(exported.status == 0, "\(exported.err)")
        let solved = capsim("lp", "solve", mps, "--json")
        #expect(solved.status == 0)
        let lp = try #require(try JSONSerialization.jsonObject(with: Data(solved.out.utf8)) as? [String: Any])
        let run = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let year = try #require((run["years"] as? [[String: Any]])?.last)
        let cost = try #require(year["cost_yuan"] as? Double), objective = try #require(lp["objective"] as? Double)
        #expect(abs(objective * 1e6 - cost) <= 1e-12 * abs(cost), "\(objective) M yuan vs \(cost) yuan")
        // The file carries the hours (`*STAGES` lines), so `lp solve` orders the normal
        // equations as the run did and takes the same iterations.
        #expect(try String(contentsOfFile: mps, encoding: .utf8).contains("\n*STAGES ROWS 0:8760 "))
        let iterations = try #require((year["solver"] as? [String: Any])?["iterations"] as? Int)
        #expect(lp["iterations"] as? Int == iterations, "\(lp["iterations"] ?? "none") against \(iterations)")
        // An --out that cannot be written is refused before any year is solved, and a
        // path under a file says so.
        let nowhere = capsim("lp", "export", file, "--year", "2021", "--out", folder.appendingPathComponent("none/2021.mps").path)
        #expect(nowhere.status == 1 && nowhere.err.contains("none does not exist") && !nowhere.err.contains("solving"), "\(nowhere.err)")
        let underFile = capsim("run", file, "--json", json + "/x.json")
        #expect(underFile.status == 1 && underFile.err.contains("run.json is a file, not a folder"), "\(underFile.err)")
    }

    @Test func usageErrorsExitTwo() throws {
        let (folder, file) = try write(Self.scenario(shareTarget: "5 %"))
        #expect(capsim("run", file, "--years", "2019-2021").status == 2)
        let reversed = capsim("run", file, "--years", "2021-2020")
        #expect(reversed.status == 2 && reversed.err == "capsim: --years 2021-2020: the first year is after the last; write 2020...2021\n", "\(reversed.err)")
        // A battery that ages with its cycles, in service from 2020: a run from 2021 ages it
        // by the calendar alone, and says so.
        let (_, cycling) = try write(Self.scenario(shareTarget: "5 %").replacingOccurrences(
            of: "round_trip_efficiency: 85 %", with: "round_trip_efficiency: 85 %\n    cycle_degradation: 0.01 %/cycle"))
        let later = capsim("run", cycling, "--years", "2021")
        #expect(later.status == 0 && later.err.contains("capsim: --years starts after 2020: storage ages with the calendar alone until 2021"), "\(later.err)")
        #expect(capsim("run", file, "--hourly").status == 2)
        // Each wrong year of `lp export` is named: all three said the same sentence.
        for (years, message) in [(["--year", "2030"], "--year 2030 is outside the scenario's years 2020–2021 (\(file))"),
                                 (["--year", "2021", "--from", "2019"], "--from 2019 is outside the scenario's years 2020–2021 (\(file))"),
                                 (["--year", "2020", "--from", "2021"], "--from 2021 is after --year 2020; the first year simulated comes before the year exported")] {
            let wrong = capsim(["lp", "export", file, "--out", folder.appendingPathComponent("x.mps").path] + years)
            #expect(wrong.status == 2 && wrong.err == "capsim: \(message)\n", "\(wrong.err)")
        }
    }

    /// A run with `--json` or `--html` and no `--csv` removes the earlier files first and
    /// writes them at its end: interrupted, it said nothing, and the JSON asked for was gone.
    @Test func anInterruptBeforeTheEndSaysWhatIsWrittenOnlyThen() throws {
        #expect(try RunCommand.parse(["city.yaml"]).startNote() == nil)
        #expect(try RunCommand.parse(["city.yaml", "--json", "r.json", "--html", "r.html"]).startNote()
            == "capsim: interrupted: nothing was written; r.json and r.html are written only at the end of a run\n")
        #expect(try RunCommand.parse(["city.yaml", "--csv", "out", "--json", "r.json"]).startNote()
            == "capsim: interrupted before any year was done: out holds none of this run's files; r.json is written only at the end of a run\n")
        #expect(try RunCommand.parse(["city.yaml", "--csv", "out"]).startNote() == "capsim: interrupted before any year was done: out holds none of this run's files\n")
    }

    /// `--quiet` leaves out the line each year is done with, and nothing else.
    @Test func quietLeavesOutTheYearLines() throws {
        let (_, file) = try write(Self.scenario(shareTarget: "5 %"))
        let loud = capsim("run", file), quiet = capsim("run", file, "--quiet")
        #expect(loud.status == 0 && quiet.status == 0)
        #expect(loud.err.contains("capsim: 2021 done: "))
        #expect(quiet.err.isEmpty, "\(quiet.err)")
        // The same summary, but for the solver's seconds on its last line.
        func summary(_ text: String) -> [Substring] { text.split(separator: "\n").filter { !$0.hasPrefix("Solver: ") } }
        #expect(summary(quiet.out) == summary(loud.out))
    }

    /// A CSV file as rows of named numbers (non-numeric columns left out).
    func table(_ path: String) throws -> [[String: Double]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let names = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            var row: [String: Double] = [:]
            for (name, field) in zip(names, line.split(separator: ",", omittingEmptySubsequences: false)) { row[name] = Double(field) }
            return row
        }
    }
}
