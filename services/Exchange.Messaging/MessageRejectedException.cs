namespace Exchange.Messaging;

/// <summary>
/// Thrown by a consumer for a message that cannot succeed however often it is tried (invalid data,
/// a broken precondition): it goes to the error queue at once instead of through the retries.
/// </summary>
public sealed class MessageRejectedException(string message, Exception? innerException = null)
    : Exception(message, innerException);
