public import Foundation

/// A private, throwaway PostgreSQL server for the demo and the tests: `initdb` into a directory of its own, a unix
/// socket in that directory, a non-default port, no TCP listener. PostgreSQL refuses to run as root, so as root
/// the server runs as the `postgres` OS user.
public final class EmbeddedPostgres: Sendable {
    public struct Options: Sendable {
        public var directory: URL
        public var port: Int
        /// Keep the data between starts (the demo); tests start fresh.
        public var reuseData: Bool

        public init(directory: URL, port: Int = 54329, reuseData: Bool = true) {
            self.directory = directory
            self.port = port
            self.reuseData = reuseData
        }
    }

    public let options: Options
    public let binaries: URL
    private let runAsPostgresUser: Bool

    public var dataDirectory: URL { self.options.directory.appendingPathComponent("data") }
    public var socketDirectory: URL { self.options.directory.appendingPathComponent("socket") }
    public var logFile: URL { self.options.directory.appendingPathComponent("postgres.log") }

    /// A libpq URL for `database` on this server.
    public func url(database: String = "postgres") -> String {
        "postgresql:///\(database)?host=\(self.socketDirectory.path)&port=\(self.options.port)&user=postgres"
    }

    /// Initialises (if needed) and starts the server; returns when it accepts connections.
    public static func start(_ options: Options) throws -> EmbeddedPostgres {
        let server = try EmbeddedPostgres(options: options)
        try server.initialiseIfNeeded()
        try server.startServer()
        return server
    }

    private init(options: Options) throws {
        self.options = options
        self.binaries = try Self.findBinaries()
        self.runAsPostgresUser = getuid() == 0
    }

    /// The folder with initdb, pg_ctl and postgres: `$OMNISCORE_PG_BINDIR`, then `pg_config --bindir`, then the
    /// newest /usr/lib/postgresql/N/bin, then PATH.
    public static func findBinaries() throws -> URL {
        let fm = FileManager.default
        func usable(_ folder: String) -> Bool {
            ["initdb", "pg_ctl", "postgres"].allSatisfy { fm.isExecutableFile(atPath: folder + "/" + $0) }
        }
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["OMNISCORE_PG_BINDIR"] { candidates.append(env) }
        if let output = try? Self.capture("/usr/bin/env", ["pg_config", "--bindir"]) { candidates.append(output.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted(by: >)
        candidates += versions.map { "/usr/lib/postgresql/\($0)/bin" }
        candidates += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let folder = candidates.first(where: usable) else {
            throw StorageError(.serverUnavailable, message: "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found. Install them: `apt-get install postgresql` on Debian/Ubuntu (`brew install postgresql` on macOS), or set OMNISCORE_PG_BINDIR to their folder")
        }
        return URL(fileURLWithPath: folder)
    }

    private func initialiseIfNeeded() throws {
        let fm = FileManager.default
        let versionFile = self.dataDirectory.appendingPathComponent("PG_VERSION").path
        if !self.options.reuseData || !fm.fileExists(atPath: versionFile) {
            try? fm.removeItem(at: self.options.directory)
        }
        try fm.createDirectory(at: self.socketDirectory, withIntermediateDirectories: true)
        try fm.createDirectory(at: self.dataDirectory, withIntermediateDirectories: true)
        try fm.setAttributes([.posixPermissions: 0o700], ofItemAtPath: self.dataDirectory.path)
        if !fm.fileExists(atPath: self.logFile.path) { fm.createFile(atPath: self.logFile.path, contents: nil) }
        if self.runAsPostgresUser {
            guard let user = getpwnam("postgres") else {
                throw StorageError(.serverUnavailable, message: "running as root, the embedded PostgreSQL must run as the `postgres` OS user, which does not exist; install the `postgresql` package (it creates the user) or run as an ordinary user")
            }
            for path in [self.options.directory.path, self.dataDirectory.path, self.socketDirectory.path, self.logFile.path] {
                chown(path, user.pointee.pw_uid, user.pointee.pw_gid)
            }
            // Every parent folder must let the postgres user through.
            var parent = self.options.directory.deletingLastPathComponent()
            while parent.path != "/" {
                if let attributes = try? fm.attributesOfItem(atPath: parent.path), let mode = attributes[.posixPermissions] as? Int, mode & 0o001 == 0 {
                    throw StorageError(.invalidConfiguration, message: "the postgres OS user cannot enter \(parent.path); choose a data folder under /tmp or another world-searchable folder")
                }
                parent = parent.deletingLastPathComponent()
            }
        }
        guard !fm.fileExists(atPath: versionFile) else { return }
        let status = try self.runTool("initdb", ["-D", self.dataDirectory.path, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"])
        guard status == 0 else {
            throw StorageError(.serverUnavailable, message: "initdb failed (exit \(status)); see \(self.logFile.path)")
        }
    }

    private func startServer() throws {
        // A server left running by an earlier demo in the same folder is reused.
        if try self.runTool("pg_ctl", ["-D", self.dataDirectory.path, "status"], quiet: true) == 0 { return }
        let serverOptions = "-p \(self.options.port) -k \(self.socketDirectory.path) -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB -c max_wal_size=4GB -c checkpoint_timeout=30min"
        let status = try self.runTool("pg_ctl", ["-D", self.dataDirectory.path, "-l", self.logFile.path, "-w", "-t", "60", "-o", serverOptions, "start"])
        guard status == 0 else {
            let tail = (try? String(contentsOf: self.logFile, encoding: .utf8))?.split(separator: "\n").suffix(3).joined(separator: " | ") ?? ""
            throw StorageError(.serverUnavailable, message: "the embedded PostgreSQL did not start (pg_ctl exit \(status)); log \(self.logFile.path): \(tail)")
        }
    }

    /// Stops the server (fast shutdown: connections are closed, data is kept).
    public func stop() {
        _ = try? self.runTool("pg_ctl", ["-D", self.dataDirectory.path, "-m", "fast", "-w", "stop"], quiet: true)
    }

    /// Restarts the server (for tests of reconnecting clients). `immediate` stops it as a crash would
    /// (`pg_ctl stop -m immediate`: sessions are cut without a goodbye, the next start recovers from the WAL).
    public func restart(immediate: Bool = false, downFor pause: Duration = .zero) throws {
        if immediate {
            _ = try? self.runTool("pg_ctl", ["-D", self.dataDirectory.path, "-m", "immediate", "-w", "stop"], quiet: true)
        } else {
            self.stop()
        }
        if pause > .zero { Thread.sleep(forTimeInterval: Double(pause.components.seconds) + Double(pause.components.attoseconds) / 1e18) }
        try self.startServer()
    }

    /// Stops the server and deletes its folder.
    public func destroy() {
        _ = try? self.runTool("pg_ctl", ["-D", self.dataDirectory.path, "-m", "immediate", "-w", "stop"], quiet: true)
        try? FileManager.default.removeItem(at: self.options.directory)
    }

    /// Runs a server tool and waits for it. posix_spawn and waitpid rather than Foundation's `Process`: the
    /// server outlives `pg_ctl`, and Foundation's child monitoring could miss the tool's exit.
    @discardableResult
    private func runTool(_ tool: String, _ arguments: [String], quiet: Bool = false) throws -> Int32 {
        let path = self.binaries.appendingPathComponent(tool).path
        let argv = self.runAsPostgresUser ? ["/usr/sbin/runuser", "-u", "postgres", "--", path] + arguments : [path] + arguments
        let output = quiet ? "/dev/null" : self.logFile.path
        return try Self.spawnAndWait(argv, output: output, directory: self.options.directory.path)
    }

    static func spawnAndWait(_ argv: [String], output: String, directory: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard status == 0 else {
            throw StorageError(.serverUnavailable, message: "could not start \(argv[0]) (error \(status))")
        }
        var exitStatus: Int32 = 0
        while waitpid(pid, &exitStatus, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        return (exitStatus & 0x7f) == 0 ? (exitStatus >> 8) & 0xff : 128 + (exitStatus & 0x7f)
    }

    private static func capture(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw StorageError(.serverUnavailable, message: "\(arguments.first ?? executable) failed") }
        return String(decoding: data, as: UTF8.self)
    }
}
