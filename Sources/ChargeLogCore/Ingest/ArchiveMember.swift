/// A file taken out of an archive into the work folder.
struct ArchiveMember {
    /// Path inside the archive, e.g. `A23C2706768VMainProcess.log` or `logs/ocpp.log`.
    var path: String
    /// The inflated copy.
    var diskPath: String
    /// The entry's date, ms since the epoch.
    var modificationTime: Int64?
    var size: UInt64
}

/// What an archive yielded: its members in archive order, and what went wrong.
struct ArchiveContents {
    var members: [ArchiveMember] = []
    var diagnostics: [Diagnostic] = []
}
