using Exchange.Rpc.Protocol;

namespace Exchange.Rpc.Tests.Protocol;

public sealed class StatusMessageEncodingTests
{
    [Theory]
    [InlineData("plain ASCII text ~!", "plain ASCII text ~!")]
    [InlineData("100%", "100%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("ü", "%C3%BC")]
    [InlineData("規則", "%E8%A6%8F%E5%89%87")]
    [InlineData("\u007F", "%7F")]
    [InlineData("", "")]
    public void Encodes_exactly_the_bytes_outside_printable_ascii_and_percent(string message, string wire)
    {
        Assert.Equal(wire, StatusMessageEncoding.Encode(message));
        Assert.Equal(message, StatusMessageEncoding.Decode(wire));
    }

    [Fact]
    public void Round_trips_every_byte_value()
    {
        var all = string.Concat(Enumerable.Range(1, 0x24F).Select(i => (char)i));
        Assert.Equal(all, StatusMessageEncoding.Decode(StatusMessageEncoding.Encode(all)));
    }

    [Theory]
    [InlineData("%", "%")]
    [InlineData("%4", "%4")]
    [InlineData("%zz", "%zz")]
    [InlineData("50% off", "50% off")]
    [InlineData("%C3", "\uFFFD")]
    [InlineData("%c3%bc", "ü")]
    [InlineData("ok%", "ok%")]
    public void Decoding_never_fails_and_keeps_malformed_escapes(string wire, string expected)
    {
        Assert.Equal(expected, StatusMessageEncoding.Decode(wire));
    }

    [Fact]
    public void Decoding_null_is_empty() => Assert.Equal("", StatusMessageEncoding.Decode(null));
}
