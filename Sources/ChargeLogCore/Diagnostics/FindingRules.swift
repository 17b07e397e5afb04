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

    /// The rules and checks run on all cores (each only reads the context); their findings are joined
    /// in the order of the lists, as one after the other would give.
    public static func findings(in context: DiagnosticContext) -> [Finding] {
        let scenarios = scenarioRules.count
        let lists = ParallelMap.map(scenarios + problemChecks.count) { k in
            k < scenarios ? scenarioRules[k].findings(in: context) : problemChecks[k - scenarios].findings(in: context)
        }
        return sorted(lists.flatMap { $0 })
    }

    static func sorted(_ f: [Finding]) -> [Finding] {
        f.sorted { a, b in
            if a.time != b.time { return a.time < b.time }
            if a.category != b.category { return a.category == .scenario }
            return a.kind.rawValue < b.kind.rawValue
        }
    }
}
