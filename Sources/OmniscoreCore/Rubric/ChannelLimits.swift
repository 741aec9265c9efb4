/// A value that may differ per channel, with a default for the others.
public struct ChannelLimits<Value: Sendable & Hashable>: Sendable, Hashable {
    public var defaultValue: Value?
    public var perChannel: [Channel: Value]

    public init(default defaultValue: Value? = nil, perChannel: [Channel: Value] = [:]) {
        self.defaultValue = defaultValue
        self.perChannel = perChannel
    }

    /// The value for `channel`, or `nil` when neither a channel value nor a default is set.
    public subscript(channel: Channel) -> Value? {
        self.perChannel[channel] ?? self.defaultValue
    }
}
