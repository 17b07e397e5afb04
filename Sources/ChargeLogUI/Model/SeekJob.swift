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
    /// What the status line says about the match found at a position (nil: nothing).
    var found: ((Int) -> String?)? = nil
    /// Whether the scan goes on from the other end when it reaches the last (or first) row.
    var wraps = false
    /// Set once it wrapped: the row it started from, where it stops.
    var wrappedStop: Int? = nil
}
