/// A scan for the next row that satisfies a test (search, next error, a transaction mention),
/// done a slice at a time so keys stay responsive.
struct SeekJob {
    /// What the status line says while it runs: `searching /667/`.
    let label: String
    let forward: Bool
    /// The next row to test.
    var next: Int
    /// Position → match.
    let test: (Int) -> Bool
    /// The message when nothing matches.
    let notFound: String
    /// Rows tested so far (for the progress display).
    var tested = 0
}
