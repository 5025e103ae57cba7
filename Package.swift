// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "bench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bench", targets: ["bench"]),
        .library(name: "BenchCore", targets: ["BenchCore"]),
        .library(name: "BenchLua", targets: ["BenchLua"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    // Sources/BenchShim is no target: `bench record` compiles it with the system's C compiler
    // (ShimBuild), since SwiftPM links every executable with the Swift runtime, which made each
    // compile the shim stands in for start several milliseconds later.
    targets: [
        // Lua 5.4 from the system (Debian: liblua5.4-dev), never vendored.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // The few system calls and macros Swift cannot import: pidfd, epoll, wait status, CPU affinity.
        .target(name: "CSystem"),
        .target(name: "BenchCore", dependencies: ["CSystem"]),
        .target(name: "BenchLua", dependencies: ["BenchCore", "CLua"]),
        .executableTarget(
            name: "bench",
            dependencies: [
                "BenchCore",
                "BenchLua",
                "CSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test targets share: finding and running the bench binary, scratch folders.
        .target(name: "BenchTestSupport", dependencies: ["BenchCore"], path: "Tests/BenchTestSupport"),
        .testTarget(name: "BenchCoreTests", dependencies: ["BenchCore", "BenchTestSupport", "bench"], exclude: ["Golden"]),
        .testTarget(name: "BenchLuaTests", dependencies: ["BenchLua"]),
        .testTarget(name: "BenchEndToEndTests", dependencies: ["BenchTestSupport", "bench"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
