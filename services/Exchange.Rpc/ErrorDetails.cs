using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Exchange.Rpc;

/// <summary>
/// Machine-readable details of a refusal (the gRPC richer error model): a <see cref="Google.Rpc.Status"/>
/// in the <c>grpc-status-details-bin</c> trailer for gRPC callers, a <c>details</c> array in the
/// JSON error for Connect callers. Either way the caller can put each problem next to the field or
/// rule it names instead of parsing the message.
/// </summary>
public static class ErrorDetails
{
    public const string TrailerName = "grpc-status-details-bin";

    /// <summary>The detail types Exchange sends; their JSON form goes into Connect's <c>debug</c>.</summary>
    public static TypeRegistry Types { get; } = TypeRegistry.FromMessages(
        BadRequest.Descriptor, PreconditionFailure.Descriptor, RetryInfo.Descriptor, ErrorInfo.Descriptor);

    private static readonly JsonFormatter DebugFormatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(Types));

    /// <summary>Trailers carrying <paramref name="details"/> for a call ending with <paramref name="code"/>.</summary>
    public static Metadata Trailers(StatusCode code, string message, IEnumerable<IMessage> details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.AddRange(details.Select(Any.Pack));
        return new Metadata().Add(TrailerName, status.ToByteArray());
    }

    /// <summary>The details in <paramref name="trailers"/>; none when absent or unreadable.</summary>
    public static IReadOnlyList<Any> Read(Metadata trailers)
    {
        var bytes = trailers.FirstOrDefault(e => e.Key == TrailerName && e.IsBinary)?.ValueBytes;
        if (bytes is null) return [];
        try
        {
            return Google.Rpc.Status.Parser.ParseFrom(bytes).Details;
        }
        catch (InvalidProtocolBufferException)
        {
            return [];
        }
    }

    /// <summary>The type name Connect uses: the full protobuf name, without the type URL's prefix.</summary>
    public static string ConnectTypeName(Any detail) => Any.GetTypeName(detail.TypeUrl);

    /// <summary>The JSON form of a detail of a known type, for Connect's <c>debug</c>; null otherwise.</summary>
    public static string? DebugJson(Any detail)
    {
        var descriptor = Types.Find(ConnectTypeName(detail));
        return descriptor is null ? null : DebugFormatter.Format(descriptor.Parser.ParseFrom(detail.Value));
    }
}
