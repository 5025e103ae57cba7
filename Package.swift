// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "bench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bench", targets: ["bench"]),
        .executable(name: "bench-shim", targets: ["bench-shim"]),
        .library(name: "BenchCore", targets: ["BenchCore"]),
        .library(name: "BenchLua", targets: ["BenchLua"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // Lua 5.4 from the system (Debian: liblua5.4-dev), never vendored.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // The few system calls and macros Swift cannot import: pidfd, epoll, wait status, CPU affinity.
        .target(name: "CSystem"),
        // The compiler stand-in of `bench record`: C, because it runs once per compile and must start at once.
        .executableTarget(name: "bench-shim", path: "Sources/BenchShim"),
        .target(name: "BenchCore", dependencies: ["CSystem"]),
        .target(name: "BenchLua", dependencies: ["BenchCore", "CLua"]),
        .executableTarget(
            name: "bench",
            dependencies: [
                "BenchCore",
                "BenchLua",
                "bench-shim",
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
