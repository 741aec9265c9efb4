// swift-tools-version: 6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

// Hummingbird's middleware and handler protocols predate NonisolatedNonsendingByDefault; the HTTP targets
// keep the Swift 6 default so their witnesses match.
let httpSwiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "omniscore",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "omniscore", targets: ["omniscore"]),
        .library(name: "OmniscoreCore", targets: ["OmniscoreCore"]),
        .library(name: "OmniscoreInterchange", targets: ["OmniscoreInterchange"]),
        .library(name: "OmniscoreRubrics", targets: ["OmniscoreRubrics"]),
        .library(name: "OmniscoreStorage", targets: ["OmniscoreStorage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "OmniscoreCore", swiftSettings: swiftSettings),
        .target(
            name: "OmniscoreInterchange",
            dependencies: ["OmniscoreCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "OmniscoreRubrics",
            dependencies: [
                "CLibXML2",
                "OmniscoreCore",
                "OmniscoreInterchange",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "OmniscoreStorage",
            dependencies: [
                "CLibPQ",
                "OmniscoreCore",
                "OmniscoreInterchange",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "OmniscoreHTTP",
            dependencies: [
                "OmniscoreCore",
                "OmniscoreInterchange",
                "OmniscoreRubrics",
                "OmniscoreStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: httpSwiftSettings
        ),
        .target(
            name: "OmniscoreTestSupport",
            dependencies: ["OmniscoreCore", "OmniscoreInterchange", "OmniscoreStorage"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "omniscore",
            dependencies: [
                "OmniscoreCore",
                "OmniscoreInterchange",
                "OmniscoreRubrics",
                "OmniscoreStorage",
                "OmniscoreHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OmniscoreCoreTests",
            dependencies: ["OmniscoreCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OmniscoreInterchangeTests",
            dependencies: ["OmniscoreCore", "OmniscoreInterchange"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OmniscoreRubricsTests",
            dependencies: ["OmniscoreCore", "OmniscoreInterchange", "OmniscoreRubrics"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OmniscoreStorageTests",
            dependencies: ["OmniscoreCore", "OmniscoreInterchange", "OmniscoreRubrics", "OmniscoreStorage", "OmniscoreTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OmniscoreHTTPTests",
            dependencies: [
                "OmniscoreCore",
                "OmniscoreInterchange",
                "OmniscoreRubrics",
                "OmniscoreStorage",
                "OmniscoreHTTP",
                "OmniscoreTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: httpSwiftSettings
        ),
        .testTarget(
            name: "OmniscoreCLITests",
            dependencies: ["omniscore", "OmniscoreCore", "OmniscoreStorage", "OmniscoreTestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
