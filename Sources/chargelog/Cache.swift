import ArgumentParser
import ChargeLogCore

/// `chargelog cache`: where the on-disk index lives, how much it holds, and emptying it.
struct Cache: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The on-disk index that makes re-opening an unchanged bundle instant.",
        discussion: """
        Each file of 1 MiB or more that chargelog reads leaves its compact index (a few bytes per record, no \
        log text) in $XDG_CACHE_HOME/chargelog/index (~/.cache/chargelog/index), checked against the file's \
        path, inode, size, times and first and last 64 KiB when it is read back; a changed or damaged entry \
        is ignored and written again. At most 1 GiB, least recently used entries removed first. \
        --no-cache on any command skips it.
        """,
        subcommands: [Info.self, Clear.self],
        defaultSubcommand: Info.self)

    static func store() throws -> IndexCache {
        guard let dir = IndexCache.defaultDirectory() else {
            throw CLIError("neither XDG_CACHE_HOME nor HOME is set: there is no on-disk index")
        }
        return IndexCache(directory: dir)
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Where the on-disk index is and how much it holds.")
        func run() throws {
            let c = try Cache.store()
            let u = c.usage()
            print("on-disk index: \(c.directory)")
            print("\(u.entries) entr\(u.entries == 1 ? "y" : "ies"), \(NumberText.bytes(u.bytes)) of at most \(NumberText.bytes(c.maxBytes))")
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove every entry of the on-disk index.")
        func run() throws {
            let c = try Cache.store()
            do {
                let r = try c.clear()
                print("removed \(r.entries) entr\(r.entries == 1 ? "y" : "ies") (\(NumberText.bytes(r.bytes))) from \(c.directory)")
            } catch {
                throw CLIError(error.message)
            }
        }
    }
}
