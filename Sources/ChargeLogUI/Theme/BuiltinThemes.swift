/// The built-in themes: exact copies of `Themes/*.json` (a test checks they stay identical),
/// so the binary needs no resource files. Regenerate with `scripts/gen-builtin-themes.sh`.
enum BuiltinThemes {
    static let names = ["dark", "light", "high-contrast", "monochrome"]

    static let json: [String: String] = [
        "dark": #"""
{
  "name": "dark",
  "description": "For dark terminal backgrounds. 256 colours; falls back to 16 or 8 colours by nearest match.",
  "colors": {
    "text": "default", "background": "default", "dim": 245, "accent": 81,
    "titleText": 231, "titleBackground": 24, "paneTitle": 250, "paneTitleFocused": 231, "paneTitleBackground": 237,
    "statusText": 252, "statusBackground": 236, "prompt": 229, "message": 150, "errorMessage": 203,
    "cursorText": 231, "cursorBackground": 25, "markBackground": 58, "searchMatch": 220, "marker": 208, "time": 109,
    "streamMain": 114, "streamOCPP": 81, "streamCCU": 180, "streamFault": 203, "streamUpdate": 141,
    "streamFrames": 117, "streamModule": 186, "streamGeneric": 152, "streamCSV": 219, "streamText": 250,
    "levelError": 203, "levelWarn": 214, "levelInfo": 250, "levelDebug": 243,
    "ocppOut": 81, "ocppIn": 150, "ocppError": 203, "jsonKey": 117, "jsonString": 180, "jsonNumber": 141, "annotation": 108,
    "stateAvailable": 114, "stateBusy": 221, "stateCharging": 81, "stateSuspended": 179, "stateFaulted": 203, "stateUnavailable": 243,
    "online": 114, "offline": 203,
    "chartPower": 214, "chartEnergy": 114, "chartCurrent": 81, "chartVoltage": 141, "chartSoC": 220, "axis": 245
  }
}
"""#,
        "light": #"""
{
  "name": "light",
  "description": "For light terminal backgrounds. 256 colours; falls back to 16 or 8 colours by nearest match.",
  "colors": {
    "text": "default", "background": "default", "dim": 244, "accent": 25,
    "titleText": 231, "titleBackground": 25, "paneTitle": 238, "paneTitleFocused": 16, "paneTitleBackground": 253,
    "statusText": 235, "statusBackground": 252, "prompt": 88, "message": 22, "errorMessage": 124,
    "cursorText": 16, "cursorBackground": 153, "markBackground": 229, "searchMatch": 166, "marker": 166, "time": 24,
    "streamMain": 28, "streamOCPP": 25, "streamCCU": 94, "streamFault": 124, "streamUpdate": 91,
    "streamFrames": 31, "streamModule": 100, "streamGeneric": 30, "streamCSV": 127, "streamText": 240,
    "levelError": 124, "levelWarn": 130, "levelInfo": 238, "levelDebug": 245,
    "ocppOut": 25, "ocppIn": 28, "ocppError": 124, "jsonKey": 24, "jsonString": 94, "jsonNumber": 91, "annotation": 65,
    "stateAvailable": 28, "stateBusy": 136, "stateCharging": 25, "stateSuspended": 130, "stateFaulted": 124, "stateUnavailable": 245,
    "online": 28, "offline": 124,
    "chartPower": 130, "chartEnergy": 28, "chartCurrent": 25, "chartVoltage": 91, "chartSoC": 136, "axis": 244
  }
}
"""#,
        "high-contrast": #"""
{
  "name": "high-contrast",
  "description": "Bright basic colours on black; readable on poor screens and with 8 colours.",
  "colors": {
    "text": "brightwhite", "background": "black", "dim": "white", "accent": "brightcyan",
    "titleText": "black", "titleBackground": "brightyellow", "paneTitle": "brightwhite", "paneTitleFocused": "black", "paneTitleBackground": "white",
    "statusText": "black", "statusBackground": "brightcyan", "prompt": "brightyellow", "message": "brightgreen", "errorMessage": "brightred",
    "cursorText": "black", "cursorBackground": "brightwhite", "markBackground": "magenta", "searchMatch": "brightyellow", "marker": "brightmagenta", "time": "brightcyan",
    "streamMain": "brightgreen", "streamOCPP": "brightcyan", "streamCCU": "brightyellow", "streamFault": "brightred", "streamUpdate": "brightmagenta",
    "streamFrames": "brightblue", "streamModule": "yellow", "streamGeneric": "cyan", "streamCSV": "magenta", "streamText": "white",
    "levelError": "brightred", "levelWarn": "brightyellow", "levelInfo": "brightwhite", "levelDebug": "white",
    "ocppOut": "brightcyan", "ocppIn": "brightgreen", "ocppError": "brightred", "jsonKey": "brightcyan", "jsonString": "brightyellow", "jsonNumber": "brightmagenta", "annotation": "brightgreen",
    "stateAvailable": "brightgreen", "stateBusy": "brightyellow", "stateCharging": "brightcyan", "stateSuspended": "yellow", "stateFaulted": "brightred", "stateUnavailable": "white",
    "online": "brightgreen", "offline": "brightred",
    "chartPower": "brightyellow", "chartEnergy": "brightgreen", "chartCurrent": "brightcyan", "chartVoltage": "brightmagenta", "chartSoC": "brightwhite", "axis": "white"
  }
}
"""#,
        "monochrome": #"""
{
  "name": "monochrome",
  "description": "No colour at all: the cursor, bars and marks are drawn in reverse video, emphasis in bold. Used when NO_COLOR is set or the terminal has no colours.",
  "monochrome": true,
  "colors": {}
}
"""#,
    ]
}
