// swift-tools-version: 6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "omniscore",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "omniscore", targets: ["omniscore"]),
        .library(name: "OmniscoreCore", targets: ["OmniscoreCore"]),
        .library(name: "OmniscoreRubrics", targets: ["OmniscoreRubrics"]),
        .library(name: "OmniscoreStorage", targets: ["OmniscoreStorage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
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
            ],
            swiftSettings: swiftSettings
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
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
            name: "OmniscoreCLITests",
            dependencies: ["omniscore"],
            swiftSettings: swiftSettings
        ),
    ]
)
