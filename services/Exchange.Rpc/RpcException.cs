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

    /// <summary>The machine-readable details the status came with (see <see cref="ErrorDetails"/>).</summary>
    public IReadOnlyList<Google.Protobuf.WellKnownTypes.Any> Details => ErrorDetails.Read(Trailers);

    /// <summary>The first detail of type <typeparamref name="T"/>, or null.</summary>
    public T? Detail<T>() where T : class, Google.Protobuf.IMessage<T>, new() =>
        Details.FirstOrDefault(d => d.Is(new T().Descriptor)) is { } any ? any.Unpack<T>() : null;

    /// <summary>A status with machine-readable details for the caller.</summary>
    public static RpcException WithDetails(StatusCode code, string detail, params Google.Protobuf.IMessage[] details) =>
        new(new Status(code, detail), ErrorDetails.Trailers(code, detail, details));

    /// <summary>An INVALID_ARGUMENT error naming the offending field, with a <see cref="Google.Rpc.BadRequest"/> detail.</summary>
    public static RpcException InvalidArgument(string field, string problem) =>
        InvalidArguments([(field, problem)]);

    /// <summary>One INVALID_ARGUMENT error naming every offending field, with a <see cref="Google.Rpc.BadRequest"/> detail.</summary>
    public static RpcException InvalidArguments(IReadOnlyCollection<(string Field, string Problem)> problems)
    {
        var badRequest = new Google.Rpc.BadRequest();
        badRequest.FieldViolations.AddRange(problems.Select(p => new Google.Rpc.BadRequest.Types.FieldViolation { Field = p.Field, Description = p.Problem }));
        return WithDetails(StatusCode.InvalidArgument, string.Join("; ", problems.Select(p => $"{p.Field}: {p.Problem}")), badRequest);
    }

    /// <summary>A FAILED_PRECONDITION error naming the rule that does not hold, with a <see cref="Google.Rpc.PreconditionFailure"/> detail.</summary>
    public static RpcException FailedPrecondition(string rule, string problem) =>
        FailedPreconditions([(rule, problem)]);

    /// <summary>One FAILED_PRECONDITION error naming every rule that does not hold.</summary>
    public static RpcException FailedPreconditions(IReadOnlyCollection<(string Rule, string Problem)> broken)
    {
        var failure = new Google.Rpc.PreconditionFailure();
        failure.Violations.AddRange(broken.Select(b => new Google.Rpc.PreconditionFailure.Types.Violation { Type = "RULE", Subject = b.Rule, Description = b.Problem }));
        return WithDetails(StatusCode.FailedPrecondition, string.Join("; ", broken.Select(b => $"{b.Rule}: {b.Problem}")), failure);
    }
}
