import ChargeLogCore
import Foundation

/// Finds a theme by `--theme NAME|PATH`: a path to a JSON file, a user theme in
/// `$XDG_CONFIG_HOME/chargelog/themes` (default `~/.config/chargelog/themes`), or a built-in one.
/// Without `--theme`, `NO_COLOR` selects monochrome, otherwise dark.
public enum ThemeLoader {
    public static let defaultName = "dark"

    public static func load(_ spec: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ChargeLogError) -> Theme {
        let dark = try builtin(defaultName)
        guard let spec, !spec.isEmpty else {
            if let nc = environment["NO_COLOR"], !nc.isEmpty { return try builtin("monochrome") }
            return dark
        }
        if spec.contains("/") || spec.hasSuffix(".json") {
            return try file(spec, base: dark)
        }
        let user = userDirectory(environment) + "/" + spec + ".json"
        if FileManager.default.fileExists(atPath: user) { return try file(user, base: dark) }
        if BuiltinThemes.json[spec] != nil { return try builtin(spec) }
        throw .invalidTheme(name: spec, reason: "no such theme; built-in: \(BuiltinThemes.names.joined(separator: ", ")); user themes go in \(userDirectory(environment))")
    }

    public static func userDirectory(_ env: [String: String]) -> String {
        if let x = env["XDG_CONFIG_HOME"], !x.isEmpty { return x + "/chargelog/themes" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.config/chargelog/themes"
    }

    public static func builtin(_ name: String) throws(ChargeLogError) -> Theme {
        guard let text = BuiltinThemes.json[name] else { throw .invalidTheme(name: name, reason: "not a built-in theme") }
        let base = name == defaultName ? nil : try builtin(defaultName)
        return try Theme.parse(Data(text.utf8), name: name, base: base)
    }

    static func file(_ path: String, base: Theme) throws(ChargeLogError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidTheme(name: path, reason: "cannot read the file")
        }
        return try Theme.parse(data, name: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, base: base)
    }
}
