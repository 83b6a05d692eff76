namespace Exchange.Rpc;

/// <summary>
/// Thrown by a handler to end a call with a status other than OK, and by the client when a call
/// ends with one. <see cref="Trailers"/> travel with the status.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status, Metadata? trailers = null, Exception? inner = null)
        : base(status.ToString(), inner)
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public RpcException(StatusCode code, string detail, Metadata? trailers = null)
        : this(new Status(code, detail), trailers)
    {
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.Code;

    public Metadata Trailers { get; }

    /// <summary>An INVALID_ARGUMENT error naming the offending field.</summary>
    public static RpcException InvalidArgument(string field, string problem) =>
        new(StatusCode.InvalidArgument, $"{field}: {problem}");

    /// <summary>A FAILED_PRECONDITION error naming the rule that does not hold.</summary>
    public static RpcException FailedPrecondition(string rule, string problem) =>
        new(StatusCode.FailedPrecondition, $"{rule}: {problem}");
}
