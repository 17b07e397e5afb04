/// The OCPP version of each connection for the trace's `ocppVersion`: `OCPPVersionInference`
/// (the override, the WebSocket subprotocol, the messages' shapes, else 1.6).
struct OCPPVersionGuess {
    var byConnection: [OCPPConnection: String] = [:]

    init(_ analysis: OCPPAnalysis, overrides: [OCPPVersionOverride] = []) {
        byConnection = OCPPVersionInference.infer(analysis, overrides: overrides).mapValues(\.version)
    }

    func version(of c: OCPPConnection) -> String { byConnection[c] ?? "1.6" }
}
