/// The findings engine: runs every scenario rule and problem check over an analysed bundle. (Not to be
/// confused with `Diagnostic`, a note about ingest — a skipped file, a bad byte — shown by `stats`.)
public enum FindingRules {
    public static let scenarioRules: [any ScenarioRule] = [
        RFIDAuthorizationRule(), RemoteStartRule(), AuthorizationRejectedRule(), ChargingStartedRule(),
        StopByCardRule(), StopByVehicleRule(), StopAtFullSoCRule(), StopRemoteRule(), StopOtherRule(),
        StopRejectedRule(), ConnectionLostRule(), NTPClockSyncRule(), OCPPClockSyncRule(), FirmwareUpdateRule(),
        FaultRule(),
    ]

    public static let problemChecks: [any ProblemCheck] = [
        CallErrorCheck(), UnansweredCallCheck(), SlowAnswerCheck(), HeartbeatGapCheck(), RegisterBackwardsCheck(),
        MeterUnitMismatchCheck(), EnergyMismatchCheck(), TransactionNotStoppedCheck(), ClockJumpCheck(), ChargerClockSkewCheck(),
        OCMFNotBillableCheck(),
        StatusTransitionCheck(), StartWithoutAuthorizationCheck(), StartWithoutBootCheck(), MissingMeterValuesCheck(),
        ShortSessionCheck(), OrphanAnswerCheck(), ReusedMessageIdCheck(), SchemaViolationCheck(), ManagementFailureCheck(),
        HeartbeatCadenceCheck(),
        NumberRangeCheck(),
    ]

    /// All findings, in time order (scenarios before problems at the same time).
    public static func findings(_ analysis: OCPPAnalysis) -> [Finding] {
        findings(in: DiagnosticContext(analysis))
    }

    public static func findings(in context: DiagnosticContext) -> [Finding] {
        var all: [Finding] = []
        for r in scenarioRules { all += r.findings(in: context) }
        for c in problemChecks { all += c.findings(in: context) }
        return sorted(all)
    }

    static func sorted(_ f: [Finding]) -> [Finding] {
        f.sorted { a, b in
            if a.time != b.time { return a.time < b.time }
            if a.category != b.category { return a.category == .scenario }
            return a.kind.rawValue < b.kind.rawValue
        }
    }
}
