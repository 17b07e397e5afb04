/// One log file of a bundle, ready to be indexed: its bytes are a plain file on disk
/// (the original, or a copy inflated from a zip entry or a gz file into the bundle's work folder).
public struct InputFile: Sendable, Hashable {
    /// The path as the user knows it: relative to the given folder, archive entries after the
    /// archive name, e.g. `2168Vqt.zip/A23C2706768VMainProcess.log`.
    public var displayPath: String
    /// Where the bytes can be read with `pread`.
    public var diskPath: String
    /// Modification time of the file or archive entry, ms since the epoch; a last-resort year anchor.
    public var modificationTime: Int64?
    /// Byte size of the (inflated) file.
    public var size: UInt64

    public init(displayPath: String, diskPath: String, modificationTime: Int64?, size: UInt64) {
        self.displayPath = displayPath
        self.diskPath = diskPath
        self.modificationTime = modificationTime
        self.size = size
    }
}

/// The result of opening the user's paths: files in reading order, plus what was skipped.
public struct LoadedBundle: Sendable {
    /// Files in a deterministic order: by given path, then by path inside it, rotated halves oldest first
    /// (`X_0.log` before `X.log`, `X.log.2` before `X.log.1` before `X.log`).
    public var files: [InputFile]
    public var diagnostics: [Diagnostic]
    /// Folder holding inflated copies; removed by `cleanUp()`.
    public var workDirectory: String?

    public init(files: [InputFile], diagnostics: [Diagnostic], workDirectory: String?) {
        self.files = files
        self.diagnostics = diagnostics
        self.workDirectory = workDirectory
    }
}
