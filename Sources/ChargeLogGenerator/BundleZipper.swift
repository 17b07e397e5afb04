import ChargeLogCore
import Foundation
import ZIPFoundation

/// Packs each stream folder into `<folder>.zip` with flat entries, as the charger portal
/// downloads them, and removes the folder.
enum BundleZipper {
    static func zipFolders(in base: URL, folders: [String], mtime: Int64) throws(ChargeLogError) {
        let fm = FileManager.default
        for folder in folders {
            let dir = base.appendingPathComponent(folder)
            let zipURL = base.appendingPathComponent(folder + ".zip")
            do {
                try? fm.removeItem(at: zipURL)
                let archive = try Archive(url: zipURL, accessMode: .create)
                let names = try fm.contentsOfDirectory(atPath: dir.path).sorted()
                for name in names {
                    try archive.addEntry(with: name, relativeTo: dir, compressionMethod: .deflate)
                }
                try fm.removeItem(at: dir)
            } catch {
                throw .unreadable(path: zipURL.path, reason: "cannot create the zip: \(error.localizedDescription)")
            }
            try BundleGenerator.setModificationTime(zipURL.path, mtime)
        }
    }
}
