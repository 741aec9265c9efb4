/// Every phrase of a rubric and of the built-in tone lexicons, compiled into one `PhraseMatcher`, and the logic
/// that turns raw pattern hits into phrase hits (stitching multi-segment phrases such as `speak to * manager`).
struct PhraseBook: Sendable {
    /// One variant of one phrase, as a chain of segments of matcher patterns, and every list it belongs to: a
    /// phrase written in several lists (a rubric list that includes a built-in lexicon) is matched and stitched
    /// once and reported to each.
    struct CompiledPhrase: Sendable {
        var targets: [Target]
        /// Arbitrary words allowed before each segment.
        var gaps: [Int32]
    }

    /// A list a phrase reports to, with the phrase's weight there.
    struct Target: Sendable {
        var list: Int32
        var weight: Double
    }

    /// Where a pattern is used: phrase and segment index, with what the scan needs about that phrase copied in,
    /// so the hot loop reads one contiguous record per use instead of four tables at random places.
    struct Use: Sendable {
        var phrase: Int32
        var segment: Int32
        /// The phrase's slot among multi-segment phrases; -1 for a phrase of one segment.
        var slot: Int32 = -1
        /// Index of this segment in the per-message reach table (`segmentBase[phrase] + segment`).
        var reach: Int32 = 0
        /// Arbitrary words allowed before this segment.
        var gap: Int32 = 0
        /// The phrase's lists: `targets[targetStart..<targetEnd]`.
        var targetStart: Int32 = 0
        var targetEnd: Int32 = 0
    }

    /// What the bytes of a pattern say about it: stems have a leading space but no trailing one, scripts
    /// without word spaces have neither.
    struct PatternShape: Sendable {
        var boundary: Bool
        var stem: Bool
        var spaces: Int32
        var words: Int32
    }

    let matcher: PhraseMatcher
    /// Byte length of each pattern.
    let patternLengths: [Int32]
    let shapes: [PatternShape]
    let usesStart: [Int32]
    let uses: [Use]
    let listCount: Int
    /// For each phrase of more than one segment, its slot among such phrases; -1 otherwise.
    let multiSegmentSlot: [Int32]
    let multiSegmentCount: Int
    /// Per phrase: where its segments start in `segmentGaps` (and in the per-message reach table).
    let segmentBase: [Int32]
    /// Every phrase's segment gaps, flat.
    let segmentGaps: [Int32]
    /// Per phrase, flat (no array to retain per hit): where its lists start in `targets` (and a sentinel).
    let targetStart: [Int32]
    let targets: [Target]

    /// A problem compiling one phrase: which list and which phrase.
    struct CompileError: Error, Sendable {
        var list: Int
        var phrase: Int
        var error: PhraseSyntax.SyntaxError
    }

    /// - Parameter lists: phrase lists; the list index becomes the hit's list id.
    init(lists: [[Phrase]]) throws(CompileError) {
        var patternIDs: [[UInt8]: Int32] = [:]
        var patterns: [[UInt8]] = []
        var phrases: [CompiledPhrase] = []
        var usesByPattern: [[Use]] = []
        /// Phrase ids of the variants of each phrase text seen so far.
        var variantsByText: [String: Range<Int>] = [:]
        for (listIndex, list) in lists.enumerated() {
            for (phraseIndex, phrase) in list.enumerated() {
                let target = Target(list: Int32(listIndex), weight: phrase.weight)
                if let known = variantsByText[phrase.text] {
                    for id in known where !phrases[id].targets.contains(where: { $0.list == target.list }) {
                        phrases[id].targets.append(target)
                    }
                    continue
                }
                let variants: [[PhraseSyntax.Segment]]
                do {
                    variants = try PhraseSyntax.compile(phrase.text)
                } catch {
                    throw CompileError(list: listIndex, phrase: phraseIndex, error: error)
                }
                for segments in variants {
                    let phraseID = Int32(phrases.count)
                    for (segmentIndex, segment) in segments.enumerated() {
                        for alternative in segment.alternatives {
                            let id: Int32
                            if let existing = patternIDs[alternative.bytes] {
                                id = existing
                            } else {
                                id = Int32(patterns.count)
                                patternIDs[alternative.bytes] = id
                                patterns.append(alternative.bytes)
                                usesByPattern.append([])
                            }
                            usesByPattern[Int(id)].append(Use(phrase: phraseID, segment: Int32(segmentIndex)))
                        }
                    }
                    phrases.append(CompiledPhrase(targets: [target], gaps: segments.map(\.maximumGapBefore)))
                }
                variantsByText[phrase.text] = (phrases.count - variants.count)..<phrases.count
            }
        }
        self.matcher = PhraseMatcher(patterns: patterns)
        self.patternLengths = patterns.map { Int32($0.count) }
        self.shapes = patterns.map { bytes in
            let space = UInt8(ascii: " ")
            let boundary = bytes.first == space
            let stem = boundary && bytes.last != space
            let spaces = Int32(bytes.lazy.filter { $0 == space }.count)
            let words = boundary ? (stem ? spaces : spaces - 1) : 1
            return PatternShape(boundary: boundary, stem: stem, spaces: spaces, words: max(words, 1))
        }
        var usesStart: [Int32] = []
        var uses: [Use] = []
        for list in usesByPattern {
            usesStart.append(Int32(uses.count))
            uses += list
        }
        usesStart.append(Int32(uses.count))
        self.usesStart = usesStart
        self.listCount = lists.count
        var slots: [Int32] = []
        var slotCount = 0
        for phrase in phrases {
            if phrase.gaps.count > 1 {
                slots.append(Int32(slotCount))
                slotCount += 1
            } else {
                slots.append(-1)
            }
        }
        self.multiSegmentSlot = slots
        self.multiSegmentCount = slotCount
        var bases: [Int32] = []
        var gaps: [Int32] = []
        for phrase in phrases {
            bases.append(Int32(gaps.count))
            gaps += phrase.gaps
        }
        bases.append(Int32(gaps.count))  // sentinel: the end of the last phrase's segments
        self.segmentBase = bases
        self.segmentGaps = gaps
        var targetStart: [Int32] = []
        var targets: [Target] = []
        for phrase in phrases {
            targetStart.append(Int32(targets.count))
            targets += phrase.targets
        }
        targetStart.append(Int32(targets.count))
        self.targetStart = targetStart
        self.targets = targets
        self.uses = uses.map { use in
            var full = use
            let phrase = Int(use.phrase)
            full.slot = slots[phrase]
            full.reach = bases[phrase] + use.segment
            full.gap = gaps[Int(full.reach)]
            full.targetStart = targetStart[phrase]
            full.targetEnd = targetStart[phrase + 1]
            return full
        }
    }

    /// A segment occurrence before stitching.
    private struct SegmentHit {
        var phrase: Int32
        var segment: Int32
        var start: Int32
        var end: Int32
        var firstWord: Int32
        var lastWord: Int32
    }

    /// Finds every phrase occurrence in every message of `text`, grouped by list.
    func hits(in text: InteractionText) -> PhraseHits {
        var raw: [PhraseMatcher.Hit] = []
        var found: [PhraseHit] = []
        var pending: [SegmentHit] = []
        // Per segment of a multi-segment phrase, the last word of its latest kept occurrence in the message
        // (`none`: not seen). Hits arrive in order of their end, and a segment can only extend a chain whose
        // previous segment ended at most its gap before it starts; a segment with no such predecessor can never
        // be part of a match. Common words such as the "to" of `speak to * manager` are dropped here instead of
        // being sorted and searched, and the phrases found are exactly those a search over every hit finds.
        let none = Int32.min
        var reach = [Int32](repeating: none, count: self.segmentGaps.count)
        var touched: [Int32] = []
        var complete: [Int32] = []
        var slotCounts = [Int](repeating: 0, count: self.multiSegmentCount)
        var ordered: [SegmentHit] = []
        text.bytes.withUnsafeBufferPointer { bytes in
            for (message, range) in text.messageRanges.enumerated() {
                raw.removeAll(keepingCapacity: true)
                pending.removeAll(keepingCapacity: true)
                for phrase in touched {
                    let base = Int(self.segmentBase[Int(phrase)])
                    let count = Int(self.segmentBase[Int(phrase) + 1]) - base
                    for k in base..<(base + count) { reach[k] = none }
                    slotCounts[Int(self.multiSegmentSlot[Int(phrase)])] = 0
                }
                touched.removeAll(keepingCapacity: true)
                self.matcher.scan(bytes, range: range, into: &raw)
                for hit in raw {
                    let patternLength = self.patternLengths[Int(hit.pattern)]
                    let shape = self.shapes[Int(hit.pattern)]
                    var start = hit.end - patternLength
                    var end = hit.end
                    if shape.boundary { start += 1 }
                    if shape.boundary && !shape.stem { end -= 1 }
                    if shape.stem {
                        while Int(end) < range.upperBound, bytes[Int(end)] != UInt8(ascii: " ") { end += 1 }
                    }
                    // Word numbers: word w follows the w-th space of the message.
                    let firstWord = shape.boundary ? hit.spaces - shape.spaces + 1 : hit.spaces
                    let lastWord = firstWord + shape.words - 1
                    for u in Int(self.usesStart[Int(hit.pattern)])..<Int(self.usesStart[Int(hit.pattern) + 1]) {
                        let use = self.uses[u]
                        if use.slot < 0 {
                            for t in Int(use.targetStart)..<Int(use.targetEnd) {
                                let target = self.targets[t]
                                found.append(PhraseHit(list: target.list, phrase: use.phrase, message: Int32(message), start: start, end: end, firstWord: firstWord, lastWord: lastWord, weight: target.weight))
                            }
                        } else {
                            let at = Int(use.reach)
                            if use.segment > 0 {
                                let previous = reach[at - 1]
                                if previous == none { continue }
                                if previous < firstWord && firstWord - previous - 1 > use.gap { continue }
                            }
                            let slot = Int(use.slot)
                            if slotCounts[slot] == 0 { touched.append(use.phrase) }
                            slotCounts[slot] += 1
                            reach[at] = max(reach[at], lastWord)
                            pending.append(SegmentHit(phrase: use.phrase, segment: use.segment, start: start, end: end, firstWord: firstWord, lastWord: lastWord))
                        }
                    }
                }
                if !pending.isEmpty {
                    // Only phrases whose last segment was reached by a chain can match; the others' segment hits
                    // (a common first word such as "i" with nothing after it) are dropped unsorted.
                    complete.removeAll(keepingCapacity: true)
                    for phrase in touched where reach[Int(self.segmentBase[Int(phrase) + 1]) - 1] != none { complete.append(phrase) }
                    guard !complete.isEmpty else { continue }
                    // Group by phrase in phrase order keeping arrival order, then order each group.
                    complete.sort()
                    var offsets: [Int] = []
                    offsets.reserveCapacity(complete.count + 1)
                    var running = 0
                    for phrase in complete {
                        offsets.append(running)
                        running += slotCounts[Int(self.multiSegmentSlot[Int(phrase)])]
                    }
                    offsets.append(running)
                    var next = offsets
                    ordered.removeAll(keepingCapacity: true)
                    ordered.append(contentsOf: pending.prefix(running))
                    for hit in pending {
                        // complete is sorted and small: find the group by binary search.
                        var low = 0
                        var high = complete.count - 1
                        while low < high {
                            let middle = (low + high) / 2
                            if complete[middle] < hit.phrase { low = middle + 1 } else { high = middle }
                        }
                        guard complete[low] == hit.phrase else { continue }
                        ordered[next[low]] = hit
                        next[low] += 1
                    }
                    for group in 0..<complete.count {
                        Self.insertionSort(&ordered, offsets[group]..<offsets[group + 1])
                    }
                    self.stitch(ordered, message: Int32(message), into: &found)
                }
            }
        }
        return PhraseHits(found, listCount: self.listCount)
    }

    /// Joins segment occurrences of multi-segment phrases: from each occurrence of the first segment, a
    /// depth-first search for a chain whose every link starts within its gap after the previous one ends.
    /// Orders segment hits of one phrase by segment, start and end; they arrive nearly in that order.
    private static func insertionSort(_ hits: inout [SegmentHit], _ range: Range<Int>) {
        @inline(__always) func precedes(_ a: SegmentHit, _ b: SegmentHit) -> Bool {
            if a.segment != b.segment { return a.segment < b.segment }
            if a.start != b.start { return a.start < b.start }
            return a.end < b.end
        }
        for i in range.dropFirst() {
            let hit = hits[i]
            var j = i
            while j > range.lowerBound, precedes(hit, hits[j - 1]) {
                hits[j] = hits[j - 1]
                j -= 1
            }
            hits[j] = hit
        }
    }

    /// `sorted`: segment hits grouped by phrase in phrase order, each group ordered by segment, start and end.
    private func stitch(_ sorted: [SegmentHit], message: Int32, into found: inout [PhraseHit]) {
        sorted.withUnsafeBufferPointer { sorted in
            self.segmentGaps.withUnsafeBufferPointer { allGaps in
                var index = 0
                while index < sorted.count {
                    let phraseID = sorted[index].phrase
                    var end = index
                    while end < sorted.count, sorted[end].phrase == phraseID { end += 1 }
                    let base = Int(self.segmentBase[Int(phraseID)])
                    let gaps = UnsafeBufferPointer(rebasing: allGaps[base..<Int(self.segmentBase[Int(phraseID) + 1])])
                    let group = UnsafeBufferPointer(rebasing: sorted[index..<end])
                    for first in group where first.segment == 0 {
                        var budget = 256  // pathological texts cannot make this quadratic
                        if let chain = Self.extend(first, segment: 1, group: group, gaps: gaps, budget: &budget) {
                            for t in Int(self.targetStart[Int(phraseID)])..<Int(self.targetStart[Int(phraseID) + 1]) {
                                let target = self.targets[t]
                                found.append(PhraseHit(list: target.list, phrase: phraseID, message: message, start: chain.start, end: chain.end, firstWord: chain.firstWord, lastWord: chain.lastWord, weight: target.weight))
                            }
                        }
                    }
                    index = end
                }
            }
        }
    }

    /// The first chain (in start order) that completes `current` from `segment` on, if any within `budget` steps.
    private static func extend(_ current: SegmentHit, segment: Int32, group: UnsafeBufferPointer<SegmentHit>, gaps: UnsafeBufferPointer<Int32>, budget: inout Int) -> SegmentHit? {
        if segment == Int32(gaps.count) { return current }
        let gap = gaps[Int(segment)]
        for next in group where next.segment == segment && next.firstWord > current.lastWord && next.firstWord - current.lastWord - 1 <= gap {
            budget -= 1
            if budget < 0 { return nil }
            let joined = SegmentHit(phrase: current.phrase, segment: segment, start: current.start, end: next.end, firstWord: current.firstWord, lastWord: next.lastWord)
            if let complete = extend(joined, segment: segment + 1, group: group, gaps: gaps, budget: &budget) { return complete }
        }
        return nil
    }
}

/// One occurrence of a phrase in a message.
struct PhraseHit: Sendable {
    var list: Int32
    var phrase: Int32
    var message: Int32
    /// Byte range in `InteractionText.bytes`.
    var start: Int32
    var end: Int32
    /// 1-based word numbers of the first and last word in the message.
    var firstWord: Int32
    var lastWord: Int32
    var weight: Double
}

/// Phrase hits grouped by list, each group in message and position order, overlaps within a list removed
/// (leftmost-longest), so "thank you so much" counts once for a list holding both `thank*` and `thank you`.
struct PhraseHits: Sendable {
    private var hits: [PhraseHit]
    private var listStart: [Int]

    init(_ found: [PhraseHit], listCount: Int) {
        // A counting sort by list keeps the message order the hits were found in; within a message they come
        // in order of their end (stitched phrases last), nearly the wanted order, so an insertion sort finishes.
        var counts = [Int](repeating: 0, count: listCount + 1)
        for hit in found { counts[Int(hit.list) + 1] += 1 }
        for list in 0..<listCount { counts[list + 1] += counts[list] }
        var sorted = found
        var next = counts
        for hit in found {
            sorted[next[Int(hit.list)]] = hit
            next[Int(hit.list)] += 1
        }
        @inline(__always) func precedes(_ a: PhraseHit, _ b: PhraseHit) -> Bool {
            if a.list != b.list { return a.list < b.list }
            if a.message != b.message { return a.message < b.message }
            if a.start != b.start { return a.start < b.start }
            return a.end > b.end
        }
        for i in sorted.indices.dropFirst() {
            let hit = sorted[i]
            var j = i
            while j > 0, precedes(hit, sorted[j - 1]) {
                sorted[j] = sorted[j - 1]
                j -= 1
            }
            sorted[j] = hit
        }
        var kept: [PhraseHit] = []
        kept.reserveCapacity(sorted.count)
        for hit in sorted {
            if let last = kept.last, last.list == hit.list, last.message == hit.message, hit.start < last.end { continue }
            kept.append(hit)
        }
        var listStart = [Int](repeating: kept.count, count: listCount + 1)
        for (index, hit) in kept.enumerated().reversed() { listStart[Int(hit.list)] = index }
        for list in stride(from: listCount - 1, through: 0, by: -1) where listStart[list] > listStart[list + 1] {
            listStart[list] = listStart[list + 1]
        }
        self.hits = kept
        self.listStart = listStart
    }

    /// Hits of list `list`, in message and position order.
    subscript(list list: Int) -> ArraySlice<PhraseHit> {
        self.hits[self.listStart[list]..<self.listStart[list + 1]]
    }
}
