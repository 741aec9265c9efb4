// swift-tools-version: 6.2
import PackageDescription

// libFuzzer targets for the two parsers that read untrusted input: the JSONL interchange decoder and the rubric
// loader. A package of its own, so the product's build and tests never need the fuzzer runtime. Build and run
// with Scripts/fuzz.sh (swift build --sanitize fuzzer --sanitize address).
let package = Package(
    name: "omniscore-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "omniscore", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzInteractionDecoder",
            dependencies: [
                .product(name: "OmniscoreInterchange", package: "omniscore"), .product(name: "OmniscoreCore", package: "omniscore"),
                .product(name: "OmniscoreRubrics", package: "omniscore"),
            ],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "FuzzRubricLoader",
            dependencies: [.product(name: "OmniscoreRubrics", package: "omniscore"), .product(name: "OmniscoreCore", package: "omniscore")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
