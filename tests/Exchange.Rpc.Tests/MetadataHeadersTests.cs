using Exchange.Rpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace Exchange.Rpc.Tests;

/// <summary>Request headers as a handler sees them: lower-case keys, protocol headers left out.</summary>
public sealed class MetadataHeadersTests
{
    [Fact]
    public void Header_names_in_any_case_become_lower_case_keys()
    {
        var headers = new HeaderDictionary
        {
            ["User-Agent"] = "grpc-node-js/1.14",
            ["X-Region-Code"] = "JP-27",
            ["x-partner"] = "lyon",
            ["Authorization"] = "Bearer t",
        };

        var metadata = MetadataHeaders.FromHttp(headers);

        Assert.Equal("grpc-node-js/1.14", metadata.GetValue("user-agent"));
        Assert.Equal("JP-27", metadata.GetValue("x-region-code"));
        Assert.Equal("lyon", metadata.GetValue("x-partner"));
        Assert.Equal("Bearer t", metadata.GetValue("authorization"));
        Assert.All(metadata, entry => Assert.Equal(entry.Key.ToLowerInvariant(), entry.Key));
    }

    [Fact]
    public void Protocol_headers_are_not_metadata_whatever_their_case()
    {
        var headers = new HeaderDictionary
        {
            ["Content-Type"] = "application/grpc",
            ["TE"] = "trailers",
            ["Host"] = "localhost",
            ["Content-Length"] = "5",
            ["grpc-timeout"] = "1S",
            ["Grpc-Encoding"] = "gzip",
            ["Accept-Encoding"] = "gzip",
            ["x-kept"] = "yes",
        };

        var metadata = MetadataHeaders.FromHttp(headers);

        Assert.Equal("x-kept", Assert.Single(metadata).Key);
    }

    [Fact]
    public void Binary_headers_are_decoded()
    {
        var headers = new HeaderDictionary { ["X-Trace-Bin"] = Convert.ToBase64String([1, 2, 3]) };

        var metadata = MetadataHeaders.FromHttp(headers);

        Assert.Equal([1, 2, 3], metadata.GetBytes("x-trace-bin"));
    }
}
