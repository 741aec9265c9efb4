import Foundation
import HTTPTypes
import Hummingbird
import OmniscoreCore
import OmniscoreInterchange
import OmniscoreRubrics
import OmniscoreStorage

/// Rubric versions: list them, compare two on the interactions both scored, and (role ci or admin) submit a new
/// version, which is validated and has its own examples run before it is stored.
struct RubricsController {
    let client: DatabaseClient

    func add(to router: Router<WorkspaceContext>) {
        router.get("/api/rubrics") { _, context in
            _ = try Access.require(context, [.admin, .qaLead, .trainer, .ci])
            let versions = try await self.client.withConnection { try WorkspaceStore().rubricVersions(on: $0) }
            var w = JSONWriter()
            w.beginArray()
            for version in versions {
                w.beginObject()
                w.key("sha256"); w.string(version.sha256)
                w.key("id"); w.string(version.id)
                w.key("version"); w.string(version.version)
                w.key("title"); w.string(version.title)
                w.key("loaded_at"); w.string(version.loadedAt)
                w.key("scored"); w.int(version.scored)
                w.endObject()
            }
            w.endArray()
            return Responses.json(String(decoding: w.bytes, as: UTF8.self))
        }
        router.get("/api/rubrics/:sha/diff") { request, context in
            _ = try Access.require(context, [.admin, .qaLead, .trainer, .ci])
            let new = try context.pathParameter("sha")
            guard let old = request.uri.queryParameters.get("against") else { throw HTTPError(.badRequest, message: "add ?against=OLD_SHA256") }
            let rows = try await self.client.withConnection { try WorkspaceStore().rubricDiff(from: old, to: new, on: $0) }
            var w = JSONWriter()
            w.beginObject()
            w.key("from"); w.string(old)
            w.key("to"); w.string(new)
            w.key("criteria"); w.beginArrayValue()
            for row in rows {
                w.beginObject()
                w.key("criterion"); w.string(row.criterion)
                w.key("common_interactions"); w.int(row.common)
                w.key("verdict_flips"); w.int(row.flips)
                w.key("fails_before"); w.int(row.failsBefore)
                w.key("fails_after"); w.int(row.failsAfter)
                w.endObject()
            }
            w.endArray()
            w.endObject()
            return Responses.json(String(decoding: w.bytes, as: UTF8.self))
        }
        // Submit a rubric version (the XML as the body). 422 with file:line:column diagnostics when it is invalid;
        // otherwise its examples run, and it is stored when they all pass (409 when some fail).
        router.post("/api/rubrics") { request, context in
            _ = try Access.require(context, [.admin, .ci])
            let buffer = try await request.body.collect(upTo: 4 << 20)
            let bytes = Array(buffer.readableBytesView)
            let loaded: RubricLoader.Loaded
            do {
                loaded = try RubricLoader.load(bytes: bytes, file: "submitted.xml")
            } catch let error as RubricLoadError {
                var w = JSONWriter()
                w.beginObject()
                w.key("valid"); w.bool(false)
                w.key("errors"); w.beginArrayValue()
                for diagnostic in error.errors { w.string(diagnostic.description) }
                w.endArray()
                w.endObject()
                return Responses.json(String(decoding: w.bytes, as: UTF8.self), status: .unprocessableContent)
            }
            let results = RubricCheck.runExamples(loaded.scorer)
            let failed = results.filter { !$0.passed }
            if failed.isEmpty {
                let rubric = loaded.rubric
                let source = String(decoding: bytes, as: UTF8.self)
                try await self.client.withConnection { try ScoringRun.register(rubric, source: source, on: $0) }
            }
            var w = JSONWriter()
            w.beginObject()
            w.key("valid"); w.bool(true)
            w.key("id"); w.string(loaded.rubric.id)
            w.key("version"); w.string(loaded.rubric.version)
            w.key("sha256"); w.string(loaded.rubric.sha256)
            w.key("examples"); w.int(results.count)
            w.key("failed_examples"); w.beginArrayValue()
            for result in failed { w.string("\(result.location): \(result.criterion) example \(result.name): expected \(result.expected), got \(result.actual)") }
            w.endArray()
            w.key("stored"); w.bool(failed.isEmpty)
            w.endObject()
            return Responses.json(String(decoding: w.bytes, as: UTF8.self), status: failed.isEmpty ? .created : .conflict)
        }
    }
}
