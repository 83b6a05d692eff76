namespace Exchange.Rpc.Client;

/// <summary>The response of a unary call with the metadata that came with it.</summary>
public sealed record UnaryResult<T>(T Response, Metadata Headers, Metadata Trailers);
