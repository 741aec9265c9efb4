/// An element of a parsed rubric, copied out of libxml2's tree into Swift values, with source positions.
struct XMLElement: Sendable {
    /// Local name (the rubric namespace is checked by the schema).
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [XMLElement]
    /// Text content of the element itself (not of its children), whitespace kept.
    var text: String
    var position: SourcePosition
    var attributePositions: [String: SourcePosition]

    func attribute(_ name: String) -> String? {
        self.attributes.first { $0.name == name }?.value
    }

    /// The position of attribute `name`, or of the element when the attribute is absent.
    func position(of attribute: String) -> SourcePosition {
        self.attributePositions[attribute] ?? self.position
    }

    func child(_ name: String) -> XMLElement? {
        self.children.first { $0.name == name }
    }

    func children(_ name: String) -> [XMLElement] {
        self.children.filter { $0.name == name }
    }

    /// Text with surrounding whitespace removed and inner runs of whitespace collapsed.
    var collapsedText: String {
        self.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
