/// A piece of structured information found in a message: an e-mail address, a phone number, an order or account
/// number, a money amount, a payment card number or an IBAN.
public struct Entity: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case email
        case phone
        case orderNumber = "order-number"
        case accountNumber = "account-number"
        case money
        case card
        case iban
    }

    public var kind: Kind
    /// Scalar range in the original text.
    public var range: Range<Int>
    /// A normalised form for comparisons: upper-case letters and digits of an order number; empty for personal
    /// data, which is never copied out of the text.
    public var key: String
    /// The amount, for `money`.
    public var amount: Double?

    public init(kind: Kind, range: Range<Int>, key: String = "", amount: Double? = nil) {
        self.kind = kind
        self.range = range
        self.key = key
        self.amount = amount
    }

    /// The information kind a customer gives with this entity, if it is one agents ask for.
    public var infoKind: InfoKind? {
        switch self.kind {
        case .email: return .email
        case .phone: return .phone
        case .orderNumber: return .orderNumber
        case .accountNumber: return .accountNumber
        case .money, .card, .iban: return nil
        }
    }
}
