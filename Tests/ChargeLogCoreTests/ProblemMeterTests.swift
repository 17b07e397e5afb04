import Testing
@testable import ChargeLogCore
import TestSupport

/// Meter registers going backwards, unit mix-ups, energy figures that disagree, transactions never stopped.
@Suite struct ProblemMeterTests {
    /// Bare frames (TONLY shape, own stamps): a start, MeterValues with the given register readings (Wh), a stop.
    static func transaction(meterStart: Int, readings: [String], meterStop: Int?) -> [String] {
        var out = [
            #"[2021-11-09 16:20:35:100] [2,"112","StartTransaction",{"connectorId":1,"idTag":"13714319313","meterStart":\#(meterStart),"reservationId":0,"timestamp":"2021-11-09T16:20:35"}]"#,
            #"[2021-11-09 16:20:35:400] receive data: [3,"112",{"idTagInfo":{"status":"Accepted"},"transactionId":701}]"#,
        ]
        for (k, r) in readings.enumerated() {
            let t = String(format: "16:2%d:35", k + 1)
            out.append(#"[2021-11-09 \#(t):100] [2,"\#(114 + 2 * k)","MeterValues",{"connectorId":1,"transactionId":701,"meterValue":[{"timestamp":"2021-11-09T\#(t)","sampledValue":[{"value":"\#(r)","context":"Sample.Periodic","format":"Raw","measurand":"Energy.Active.Import.Register","unit":"Wh"},{"value":"230.8","context":"Sample.Periodic","format":"Raw","measurand":"Voltage","phase":"L1","unit":"V"}]}]}]"#)
            out.append(#"[2021-11-09 \#(t):300] receive data: ?[3,"\#(114 + 2 * k)",{}]"#)
        }
        if let stop = meterStop {
            out.append(#"[2021-11-09 16:27:09:100] [2,"134","StopTransaction",{"meterStop":\#(stop),"timestamp":"2021-11-09T16:27:09","transactionId":701,"reason":"EVDisconnected"}]"#)
            out.append(#"[2021-11-09 16:27:09:300] receive data: [3,"134",{}]"#)
        }
        return out
    }

    @Test func registerGoingBackwards() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.frames: Self.transaction(meterStart: 1000, readings: ["1500", "2500", "1800"], meterStop: 3000)], year: nil)
        defer { b.remove() }
        let found = b.of(.registerBackwards)
        #expect(found.count == 1)
        let f = try #require(found.first)
        #expect(f.transactionId == "701")
        #expect(f.explanation.contains("2500 Wh, then Sample.Periodic sample 1800 Wh"))
        #expect(b.texts(f)[0].contains(#""value":"1800""#))
        #expect(b.texts(f)[1].contains(#""value":"2500""#))
    }

    @Test func steadyRegisterIsFine() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.frames: Self.transaction(meterStart: 1000, readings: ["1500", "2500", "2500"], meterStop: 3000)], year: nil)
        defer { b.remove() }
        #expect(b.of(.registerBackwards).isEmpty)
        #expect(b.of(.energyMismatch).isEmpty)
    }

    @Test func kWhLabelledWhIsAUnitProblemNotARegisterGoingBack() throws {
        // Seed 000, transaction 670: Transaction.Begin/End readings "11730.1" with unit "Wh".
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopRemoteOCPP])
        defer { b.remove() }
        #expect(b.of(.registerBackwards).isEmpty)
        let found = b.of(.meterUnitMismatch)
        #expect(found.count == 1)
        #expect(found.first?.explanation.contains("Transaction.Begin 11730.1 Wh next to meterStop 11730144 Wh") == true)
    }

    @Test func correctlyLabelledReadingsAreNoUnitProblem() throws {
        let lines = SeedExcerpts.stopRemoteOCPP.replacing(#""unit":"Wh""#, with: #""unit":"kWh""#)
            .replacing(#""unit": "Wh""#, with: #""unit": "kWh""#)
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: lines])
        defer { b.remove() }
        #expect(b.of(.meterUnitMismatch).isEmpty)
    }

    @Test func ocmfEndReadingDisagreesWithMeterStop() throws {
        // Seed 000, transaction 670: the OCMF end reading (11727.040 kWh) is 3.104 kWh below meterStop.
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.stopRemoteOCPP])
        defer { b.remove() }
        let f = try #require(b.of(.energyMismatch).first)
        #expect(f.transactionId == "670")
        #expect(f.explanation.contains("OCMF end reading 11727040 Wh differs from meterStop 11730144 Wh by -3.104 kWh"))
        #expect(b.texts(f)[0].contains(#""StopTransaction""#))
    }

    @Test func agreeingOCMFReadingsAreFine() throws {
        // Seed 000, transaction 544: OCMF end 6851.429 kWh, meterStop 6851429 Wh.
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.scientificStopOCPP])
        defer { b.remove() }
        #expect(b.of(.energyMismatch).isEmpty)
    }

    @Test func meterSeriesAboveMeterStop() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.frames: Self.transaction(meterStart: 1000, readings: ["1500", "9000"], meterStop: 5000)], year: nil)
        defer { b.remove() }
        let f = try #require(b.of(.energyMismatch).first)
        #expect(f.explanation.contains("meter series reaches 9000 Wh, 4.000 kWh above meterStop 5000 Wh"))
        #expect(b.texts(f).contains { $0.contains(#""value":"9000""#) })
    }

    @Test func transactionNeverStopped() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.proxy: SeedExcerpts.rfidOCPP])
        defer { b.remove() }
        let f = try #require(b.of(.transactionNotStopped).first)
        #expect(f.transactionId == "667")
        #expect(f.severity == .info)
        #expect(CivilTime.iso8601(f.time) == "2024-05-01T14:42:14.635Z")
    }

    @Test func nextStartOnTheConnectorMakesItAWarning() throws {
        var lines = Self.transaction(meterStart: 1000, readings: [], meterStop: nil)
        lines += [
            #"[2021-11-09 17:00:00:100] [2,"140","StartTransaction",{"connectorId":1,"idTag":"13714319313","meterStart":3000,"timestamp":"2021-11-09T17:00:00"}]"#,
            #"[2021-11-09 17:00:00:400] receive data: [3,"140",{"idTagInfo":{"status":"Accepted"},"transactionId":702}]"#,
        ]
        let b = try DiagnosedBundle([DiagnosedBundle.frames: lines], year: nil)
        defer { b.remove() }
        let open = b.of(.transactionNotStopped)
        #expect(open.map(\.transactionId) == ["701", "702"])
        #expect(open.first?.severity == .warning)
        #expect(open.first?.explanation.contains("started transaction 702") == true)
    }

    @Test func stoppedTransactionIsFine() throws {
        let b = try DiagnosedBundle([DiagnosedBundle.frames: Self.transaction(meterStart: 1000, readings: [], meterStop: 3000)], year: nil)
        defer { b.remove() }
        #expect(b.of(.transactionNotStopped).isEmpty)
    }
}
