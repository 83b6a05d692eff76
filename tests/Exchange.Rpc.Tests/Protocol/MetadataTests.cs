using Exchange.Rpc.Protocol;
using Microsoft.AspNetCore.Http;

namespace Exchange.Rpc.Tests.Protocol;

public sealed class MetadataTests
{
    [Theory]
    [InlineData("AQID", new byte[] { 1, 2, 3 })]
    [InlineData("AQIDBA", new byte[] { 1, 2, 3, 4 })]
    [InlineData("AQIDBA==", new byte[] { 1, 2, 3, 4 })]
    [InlineData("AQIDBAU", new byte[] { 1, 2, 3, 4, 5 })]
    [InlineData("AQIDBAU=", new byte[] { 1, 2, 3, 4, 5 })]
    [InlineData("", new byte[0])]
    public void Binary_values_decode_padded_or_not(string wire, byte[] expected)
    {
        Assert.True(BinaryHeaderValue.TryDecode(wire, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("!!!!")]
    public void Invalid_base64_is_refused(string wire) => Assert.False(BinaryHeaderValue.TryDecode(wire, out _));

    [Fact]
    public void Binary_values_are_sent_without_padding() => Assert.Equal("AQIDBA", BinaryHeaderValue.Encode(new byte[] { 1, 2, 3, 4 }));

    [Fact]
    public void Headers_become_metadata_without_the_reserved_ones()
    {
        var headers = new HeaderDictionary
        {
            ["content-type"] = "application/grpc",
            ["te"] = "trailers",
            ["grpc-timeout"] = "1S",
            ["X-Organisation"] = "suwa-city",
            ["trace-bin"] = "AQID, BAU=",
        };
        var metadata = MetadataHeaders.FromHttp(headers);
        Assert.Equal("suwa-city", metadata.GetValue("x-organisation"));
        Assert.Equal(new[] { new byte[] { 1, 2, 3 }, new byte[] { 4, 5 } }, metadata.GetAll("trace-bin").Select(e => e.ValueBytes));
        Assert.Equal(3, metadata.Count);
    }

    [Theory]
    [InlineData("grpc-status")]
    [InlineData("bad key")]
    [InlineData("ключ")]
    public void Invalid_keys_are_refused(string key) => Assert.Throws<ArgumentException>(() => new Metadata().Add(key, "v"));

    [Fact]
    public void Text_values_must_be_printable_ascii_and_bytes_need_a_bin_key()
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-name", "ü"));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-name", new byte[] { 1 }));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-name-bin", "text"));
    }
}
