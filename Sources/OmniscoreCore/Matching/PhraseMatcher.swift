/// A multi-pattern matcher (Aho-Corasick, compiled to a deterministic automaton over byte classes) for every
/// phrase of a rubric and of the built-in tone lexicons, so each message is scanned once, however many criteria
/// look at it.
struct PhraseMatcher: Sendable {
    /// One occurrence of a pattern in the scanned text.
    struct Hit: Sendable {
        var pattern: Int32
        /// Byte offset just past the match.
        var end: Int32
        /// Spaces from the start of the message up to and including the last byte of the match.
        var spaces: Int32
    }

    private let byteClass: [UInt8]
    private let classCount: Int
    private let transitions: [Int32]
    private let outputStart: [Int32]
    private let outputCount: [Int32]
    private let outputs: [Int32]
    /// The patterns, by id.
    let patterns: [[UInt8]]

    /// Number of automaton states, for diagnostics.
    var stateCount: Int { self.outputStart.count }

    init(patterns: [[UInt8]]) {
        self.patterns = patterns
        // Byte classes: every byte used by some pattern is its own class, every other byte shares class 0. The
        // normalised text only holds a-z, 0-9, space and UTF-8 of letters, so this shrinks rows about sixfold.
        var byteClass = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for pattern in patterns {
            for b in pattern where byteClass[Int(b)] == 0 {
                if classCount < 255 {
                    byteClass[Int(b)] = UInt8(classCount)
                    classCount += 1
                }
            }
        }
        // Trie.
        var children: [[(UInt8, Int32)]] = [[]]
        var own: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state: Int32 = 0
            for b in pattern {
                let c = byteClass[Int(b)]
                if let next = children[Int(state)].first(where: { $0.0 == c })?.1 {
                    state = next
                } else {
                    let next = Int32(children.count)
                    children.append([])
                    own.append([])
                    children[Int(state)].append((c, next))
                    state = next
                }
            }
            own[Int(state)].append(Int32(id))
        }
        // Breadth-first failure links, folded into a dense transition table.
        let stateCount = children.count
        var transitions = [Int32](repeating: 0, count: stateCount * classCount)
        var failure = [Int32](repeating: 0, count: stateCount)
        var order: [Int32] = []
        order.reserveCapacity(stateCount)
        for (c, next) in children[0] {
            transitions[Int(c)] = next
            order.append(next)
        }
        var head = 0
        while head < order.count {
            let state = Int(order[head])
            head += 1
            let fail = Int(failure[state])
            for c in 0..<classCount {
                transitions[state * classCount + c] = transitions[fail * classCount + c]
            }
            for (c, next) in children[state] {
                failure[Int(next)] = transitions[fail * classCount + Int(c)]
                transitions[state * classCount + Int(c)] = next
                order.append(next)
            }
        }
        // Outputs: a state reports its own patterns and those of its failure chain (in BFS order the failure
        // state is complete before the state that refers to it).
        var merged = own
        for state in order {
            let fail = Int(failure[Int(state)])
            if !merged[fail].isEmpty { merged[Int(state)] += merged[fail] }
        }
        var outputStart = [Int32](repeating: 0, count: stateCount)
        var outputCount = [Int32](repeating: 0, count: stateCount)
        var outputs: [Int32] = []
        for state in 0..<stateCount {
            outputStart[state] = Int32(outputs.count)
            outputCount[state] = Int32(merged[state].count)
            outputs += merged[state]
        }
        self.byteClass = byteClass
        self.classCount = classCount
        self.transitions = transitions
        self.outputStart = outputStart
        self.outputCount = outputCount
        self.outputs = outputs
    }

    /// Scans `bytes[range]` (one message) and appends every pattern occurrence to `hits`.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into hits: inout [Hit]) {
        self.byteClass.withUnsafeBufferPointer { byteClass in
            self.transitions.withUnsafeBufferPointer { transitions in
                self.outputCount.withUnsafeBufferPointer { outputCount in
                    let classCount = self.classCount
                    var state = 0
                    var spaces: Int32 = 0
                    var index = range.lowerBound
                    while index < range.upperBound {
                        let b = bytes[index]
                        if b == 32 { spaces += 1 }
                        state = Int(transitions[state &* classCount &+ Int(byteClass[Int(b)])])
                        let count = outputCount[state]
                        if count != 0 {
                            let start = Int(self.outputStart[state])
                            for k in 0..<Int(count) {
                                hits.append(Hit(pattern: self.outputs[start + k], end: Int32(index + 1), spaces: spaces))
                            }
                        }
                        index += 1
                    }
                }
            }
        }
    }
}
