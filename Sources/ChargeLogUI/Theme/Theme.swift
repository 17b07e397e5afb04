import ChargeLogCore
import Foundation

/// Which terminal colour each `ColorRole` gets. A monochrome theme uses no colour at all.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var description: String
    public var monochrome: Bool
    public var colors: [ColorRole: ThemeColor]

    public init(name: String, description: String = "", monochrome: Bool = false, colors: [ColorRole: ThemeColor]) {
        self.name = name
        self.description = description
        self.monochrome = monochrome
        self.colors = colors
    }

    public func color(_ role: ColorRole) -> ThemeColor { colors[role] ?? .terminalDefault }

    /// Parses a theme file. Roles it leaves out take `base`'s colours; an unknown role or colour is an error.
    public static func parse(_ json: Data, name: String, base: Theme? = nil) throws(ChargeLogError) -> Theme {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: json) } catch {
            throw .invalidTheme(name: name, reason: "not valid JSON (\(error.localizedDescription))")
        }
        guard let dict = object as? [String: Any] else { throw .invalidTheme(name: name, reason: "the file must hold a JSON object") }
        let mono = dict["monochrome"] as? Bool ?? false
        var colors = mono ? [:] : (base?.colors ?? [:])
        if let raw = dict["colors"] {
            guard let map = raw as? [String: Any] else {
                throw .invalidTheme(name: name, reason: "\"colors\" must be an object of role: colour")
            }
            for (key, value) in map.sorted(by: { $0.key < $1.key }) {
                guard let role = ColorRole(rawValue: key) else {
                    throw .invalidTheme(name: name, reason: "unknown colour role '\(key)' (known: \(ColorRole.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard let color = ThemeColor.parse(value) else {
                    throw .invalidTheme(name: name, reason: "colour of '\(key)' must be \"default\", a colour name, 0–255 or \"#rrggbb\"")
                }
                colors[role] = color
            }
        }
        return Theme(name: dict["name"] as? String ?? name, description: dict["description"] as? String ?? "",
                     monochrome: mono, colors: colors)
    }
}
