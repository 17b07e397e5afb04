import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The libFuzzer entry points. One binary holds every target; `CHARGELOG_FUZZ_TARGET` picks one
/// (`list` prints their names). Each target feeds the input to one parser the way the program does and
/// checks nothing but that it returns: a trap, a sanitizer report or a hang is the finding.
nonisolated(unsafe) private var selected: FuzzTarget?

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let name = ProcessInfo.processInfo.environment["CHARGELOG_FUZZ_TARGET"] ?? ""
    if name == "list" {
        print(FuzzTargets.all.map(\.name).joined(separator: "\n"))
        exit(0)
    }
    guard let t = FuzzTargets.all.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("set CHARGELOG_FUZZ_TARGET to one of: \(FuzzTargets.all.map(\.name).joined(separator: " "))\n".utf8))
        exit(2)
    }
    selected = t
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let t = selected else { return 0 }
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    t.run(bytes)
    return 0
}

/// SwiftPM links an executable with `main` aliased to `<module>_main`; here that is libFuzzer's
/// driver, given the entry point above (libFuzzer's own `main` is then not linked in).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("chargelog_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var values = argv
    return LLVMFuzzerRunDriver(&count, &values) { data, size in fuzzOneInput(data, size) }
}
