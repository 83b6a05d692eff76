namespace Exchange.Rpc.Benchmark;

/// <summary>The names of the three servers compared.</summary>
public static class Target
{
    public const string Ours = "ours";
    public const string GrpcJs = "grpcjs";
    public const string Kestrel = "kestrel";

    public static string Title(string target) => target switch
    {
        Ours => "ours (Exchange.Rpc)",
        GrpcJs => "@grpc/grpc-js",
        Kestrel => "bare Kestrel HTTP/2",
        _ => target,
    };
}
