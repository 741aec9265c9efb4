/// Case folding and diacritic removal for scalars outside ASCII, built once from the generated table.
///
/// `foldTableSource` holds, for every scalar whose case-folded compatibility decomposition without combining marks
/// differs from itself, that folded form (see Scripts/generate-tables.py). Combining marks map to nothing, so
/// "é" written as `e` + U+0301 folds like the precomposed "é".
enum FoldTable {
    /// Folded forms keyed by scalar value; a scalar not in the table folds to itself.
    static let entries: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        table.reserveCapacity(7500)
        for line in foldTableSource.split(separator: "\n") {
            var fields = line.split(separator: " ").makeIterator()
            guard let keyField = fields.next(), let key = UInt32(keyField, radix: 16) else { continue }
            var folded: [Unicode.Scalar] = []
            while let field = fields.next() {
                if let value = UInt32(field, radix: 16), let scalar = Unicode.Scalar(value) {
                    folded.append(scalar)
                }
            }
            table[key] = folded
        }
        return table
    }()
}
