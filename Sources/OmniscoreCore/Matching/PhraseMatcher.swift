/// A multi-pattern matcher (Aho-Corasick over byte classes) for every phrase of a rubric and of the built-in tone
/// lexicons, so each message is scanned once, however many criteria look at it.
///
/// The automaton is a hybrid: the shallow states, where a scan spends most of its time, have dense transition
/// rows (a deterministic automaton, one table read per byte); the deep states, which are long single-child
/// chains of the trie, keep only their own edges and a failure link. A full dense table for a few hundred
/// thousand states would be a hundred megabytes that no cache holds; this one stays within a few megabytes and
/// the scan still reads a handful of cells per byte on average.
struct PhraseMatcher: Sendable {
    /// One occurrence of a pattern in the scanned text.
    struct Hit: Sendable {
        var pattern: Int32
        /// Byte offset just past the match.
        var end: Int32
        /// Spaces from the start of the message up to and including the last byte of the match.
        var spaces: Int32
    }

    /// A state without a dense row: where its edges are and where to go when none fits.
    private struct SparseState: Sendable {
        var failure: Int32
        var edgeStart: Int32
        var edgeCount: Int32
    }

    /// The most cells (states × byte classes) of the dense part.
    static let denseCellBudget = 1 << 19

    /// Targets in `dense` and `edgeTarget` carry this bit when the target state reports patterns, so the scan
    /// reads the output tables only then.
    private static let reports: Int32 = Int32.min

    private let byteClass: [UInt8]
    private let classCount: Int
    /// States `0..<denseCount` have dense rows; the others are `sparse[state - denseCount]`.
    private let denseCount: Int
    private let dense: [Int32]
    private let sparse: [SparseState]
    private let edgeClass: [UInt8]
    private let edgeTarget: [Int32]
    private let outputStart: [Int32]
    private let outputCount: [Int32]
    private let outputs: [Int32]

    /// Number of automaton states, for diagnostics.
    var stateCount: Int { self.outputStart.count }
    /// Number of states with a dense row, for diagnostics.
    var denseStateCount: Int { self.denseCount }

    init(patterns: [[UInt8]]) {
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
        let trie = Trie(patterns: patterns, byteClass: byteClass)
        let stateCount = trie.label.count

        // Breadth-first order gives depths; the dense part is the shallowest whole levels within the budget.
        var order: [Int32] = [0]
        order.reserveCapacity(stateCount)
        var levelEnds: [Int] = []
        var head = 0
        while head < order.count {
            let levelEnd = order.count
            while head < levelEnd {
                var child = trie.firstChild[Int(order[head])]
                while child >= 0 {
                    order.append(child)
                    child = trie.nextSibling[Int(child)]
                }
                head += 1
            }
            levelEnds.append(levelEnd)
        }
        var denseCount = 1
        for end in levelEnds where end * classCount <= Self.denseCellBudget { denseCount = end }

        // New numbering: dense states in breadth-first order, then the deep states depth-first, so a chain of
        // the trie sits in consecutive records.
        var number = [Int32](repeating: -1, count: stateCount)
        for position in 0..<denseCount { number[Int(order[position])] = Int32(position) }
        var next = Int32(denseCount)
        var stack: [Int32] = []
        for position in denseCount..<stateCount {
            let state = order[position]
            // Roots of deep subtrees: deep states whose parent is dense.
            guard number[Int(trie.parent[Int(state)])] >= 0, number[Int(trie.parent[Int(state)])] < Int32(denseCount) else { continue }
            stack.append(state)
            while let top = stack.popLast() {
                number[Int(top)] = next
                next += 1
                var child = trie.firstChild[Int(top)]
                while child >= 0 {
                    stack.append(child)
                    child = trie.nextSibling[Int(child)]
                }
            }
        }

        // Outputs of a state: its own pattern(s) and those of its failure chain.
        var failure = [Int32](repeating: 0, count: stateCount)  // by new number
        var dense = [Int32](repeating: 0, count: denseCount * classCount)
        var sparse = [SparseState](repeating: SparseState(failure: 0, edgeStart: 0, edgeCount: 0), count: stateCount - denseCount)
        var edgeClass: [UInt8] = []
        var edgeTarget: [Int32] = []
        edgeClass.reserveCapacity(stateCount)
        edgeTarget.reserveCapacity(stateCount)
        var outputStart = [Int32](repeating: 0, count: stateCount)
        var outputCount = [Int32](repeating: 0, count: stateCount)
        var outputs: [Int32] = []

        /// The transition from a finished state on a byte class, by new numbers, without the reports bit.
        func step(_ state: Int32, _ c: Int) -> Int32 {
            var s = Int(state)
            while true {
                if s < denseCount { return dense[s * classCount + c] & Int32.max }
                let record = sparse[s - denseCount]
                for e in Int(record.edgeStart)..<Int(record.edgeStart + record.edgeCount) where Int(edgeClass[e]) == c {
                    return edgeTarget[e] & Int32.max
                }
                s = Int(record.failure)
            }
        }

        for old in order {
            let state = Int(number[Int(old)])
            // Failure link of this state (its parent and everything shallower are finished).
            if state != 0 {
                let parent = number[Int(trie.parent[Int(old)])]
                failure[state] = parent == 0 ? 0 : step(failure[Int(parent)], Int(trie.label[Int(old)]))
            }
            // Outputs.
            outputStart[state] = Int32(outputs.count)
            var own = trie.firstPattern[Int(old)]
            while own >= 0 {
                outputs.append(own)
                own = trie.nextPattern[Int(own)]
            }
            if state != 0 {
                let fail = Int(failure[state])
                let start = Int(outputStart[fail])
                // Element by element: appending a slice of `outputs` to itself would keep the buffer shared and
                // copy the whole array on every state (quadratic).
                for k in start..<start + Int(outputCount[fail]) { outputs.append(outputs[k]) }
            }
            outputCount[state] = Int32(outputs.count) - outputStart[state]
            // Transitions: a dense row starts as the failure state's row; a sparse state lists its edges.
            if state < denseCount {
                if state != 0 {
                    let fail = Int(failure[state])
                    for c in 0..<classCount { dense[state * classCount + c] = dense[fail * classCount + c] }
                }
            } else {
                sparse[state - denseCount] = SparseState(failure: failure[state], edgeStart: Int32(edgeClass.count), edgeCount: 0)
            }
            var child = trie.firstChild[Int(old)]
            while child >= 0 {
                // The target's reports bit is set once its outputs are known (below, by a second pass).
                let target = number[Int(child)]
                if state < denseCount {
                    dense[state * classCount + Int(trie.label[Int(child)])] = target
                } else {
                    edgeClass.append(trie.label[Int(child)])
                    edgeTarget.append(target)
                    sparse[state - denseCount].edgeCount += 1
                }
                child = trie.nextSibling[Int(child)]
            }
        }
        // Mark targets that report.
        for i in dense.indices where outputCount[Int(dense[i])] > 0 { dense[i] |= Self.reports }
        for i in edgeTarget.indices where outputCount[Int(edgeTarget[i])] > 0 { edgeTarget[i] |= Self.reports }

        self.byteClass = byteClass
        self.classCount = classCount
        self.denseCount = denseCount
        self.dense = dense
        self.sparse = sparse
        self.edgeClass = edgeClass
        self.edgeTarget = edgeTarget
        self.outputStart = outputStart
        self.outputCount = outputCount
        self.outputs = outputs
    }

    /// Scans `bytes[range]` (one message) and appends every pattern occurrence to `hits`.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into hits: inout [Hit]) {
        self.byteClass.withUnsafeBufferPointer { byteClass in
            self.dense.withUnsafeBufferPointer { dense in
                self.sparse.withUnsafeBufferPointer { sparse in
                    self.edgeClass.withUnsafeBufferPointer { edgeClass in
                        self.edgeTarget.withUnsafeBufferPointer { edgeTarget in
                            let classCount = self.classCount
                            let denseCount = self.denseCount
                            var state = 0
                            var spaces: Int32 = 0
                            var index = range.lowerBound
                            while index < range.upperBound {
                                let b = bytes[index]
                                if b == 32 { spaces &+= 1 }
                                let c = byteClass[Int(b)]
                                var target: Int32
                                var s = state
                                transition: while true {
                                    if s < denseCount {
                                        target = dense[s &* classCount &+ Int(c)]
                                        break
                                    }
                                    let record = sparse[s &- denseCount]
                                    var e = Int(record.edgeStart)
                                    let end = e &+ Int(record.edgeCount)
                                    while e < end {
                                        if edgeClass[e] == c {
                                            target = edgeTarget[e]
                                            break transition
                                        }
                                        e &+= 1
                                    }
                                    s = Int(record.failure)
                                }
                                if target < 0 {
                                    state = Int(target & Int32.max)
                                    let start = Int(self.outputStart[state])
                                    for k in 0..<Int(self.outputCount[state]) {
                                        hits.append(Hit(pattern: self.outputs[start &+ k], end: Int32(index &+ 1), spaces: spaces))
                                    }
                                } else {
                                    state = Int(target)
                                }
                                index &+= 1
                            }
                        }
                    }
                }
            }
        }
    }
}

extension PhraseMatcher {
    /// The trie of the patterns in flat arrays (first child / next sibling), before it becomes an automaton.
    fileprivate struct Trie {
        var label: [UInt8] = [0]
        var parent: [Int32] = [0]
        var firstChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        /// The first pattern ending at each state; further ones chain through `nextPattern` (by pattern id).
        var firstPattern: [Int32] = [-1]
        var nextPattern: [Int32]

        init(patterns: [[UInt8]], byteClass: [UInt8]) {
            self.nextPattern = [Int32](repeating: -1, count: patterns.count)
            for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
                var state: Int32 = 0
                for b in pattern {
                    let c = byteClass[Int(b)]
                    var child = self.firstChild[Int(state)]
                    while child >= 0, self.label[Int(child)] != c { child = self.nextSibling[Int(child)] }
                    if child < 0 {
                        child = Int32(self.label.count)
                        self.label.append(c)
                        self.parent.append(state)
                        self.firstChild.append(-1)
                        self.nextSibling.append(self.firstChild[Int(state)])
                        self.firstPattern.append(-1)
                        self.firstChild[Int(state)] = child
                    }
                    state = child
                }
                self.nextPattern[id] = self.firstPattern[Int(state)]
                self.firstPattern[Int(state)] = Int32(id)
            }
        }
    }
}
