/// A named colour slot. Panes paint with roles; a theme says which terminal colour each role is.
public enum ColorRole: String, Sendable, CaseIterable, Codable {
    // Base
    case text, background, dim, accent
    // Bars and frames
    case titleText, titleBackground, paneTitle, paneTitleFocused, paneTitleBackground
    case statusText, statusBackground, prompt, message, errorMessage
    // Timeline
    case cursorText, cursorBackground, markBackground, searchMatch, marker, time
    // Streams
    case streamMain, streamOCPP, streamCCU, streamFault, streamUpdate, streamFrames
    case streamModule, streamGeneric, streamCSV, streamText
    // Levels
    case levelError, levelWarn, levelInfo, levelDebug
    // OCPP
    case ocppOut, ocppIn, ocppError, jsonKey, jsonString, jsonNumber, annotation
    // States
    case stateAvailable, stateBusy, stateCharging, stateSuspended, stateFaulted, stateUnavailable
    case online, offline
    // Charts
    case chartPower, chartEnergy, chartCurrent, chartVoltage, chartSoC, axis

    /// Roles that name a background colour (drawn reversed when no colour is available).
    public var isBackground: Bool {
        switch self {
        case .background, .titleBackground, .paneTitleBackground, .statusBackground, .cursorBackground,
             .markBackground:
            true
        default:
            false
        }
    }
}
