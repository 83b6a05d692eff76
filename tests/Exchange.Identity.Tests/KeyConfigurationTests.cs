using System.Security.Cryptography;
using Exchange.Identity.Authentication;
using Exchange.Identity.Testing;
using Exchange.Rpc.TestHost;

namespace Exchange.Identity.Tests;

/// <summary>Where keys come from: PEM settings, files, the development key folder.</summary>
public sealed class KeyConfigurationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"exchange-keys-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Development_keys_are_created_once_and_kept()
    {
        var first = DevelopmentKeys.EnsureKeyPair(_folder);
        var privatePem = File.ReadAllText(first.PrivateKeyFile);
        var publicPem = File.ReadAllText(first.PublicKeyFile);

        var second = DevelopmentKeys.EnsureKeyPair(_folder);

        Assert.Equal(Path.Combine(_folder, "identity-private.pem"), second.PrivateKeyFile);
        Assert.Equal(Path.Combine(_folder, "identity-public.pem"), second.PublicKeyFile);
        Assert.Equal(privatePem, File.ReadAllText(second.PrivateKeyFile));
        Assert.Equal(publicPem, File.ReadAllText(second.PublicKeyFile));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", privatePem);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", publicPem);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.PrivateKeyFile));
    }

    [Fact]
    public void Processes_starting_together_agree_on_one_key_pair()
    {
        var pairs = Enumerable.Range(0, 8).AsParallel().Select(_ =>
        {
            var files = DevelopmentKeys.EnsureKeyPair(_folder);
            return File.ReadAllText(files.PrivateKeyFile);
        }).ToArray();

        Assert.Single(pairs.Distinct());
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    [Fact]
    public async Task The_gateway_signs_with_the_private_file_and_services_validate_with_the_public_file()
    {
        var files = DevelopmentKeys.EnsureKeyPair(_folder);
        var gateway = TokenIssuer.FromOptions(new ExchangeIdentityOptions { PrivateKeyFile = files.PrivateKeyFile });
        var service = new ExchangeIdentityOptions { PublicKeyFile = files.PublicKeyFile };
        var validator = new BearerTokenValidator(service.CreateValidationParameters(service.ReadValidationKey()));

        var check = await validator.ValidateAsync(gateway.Issue(TestTokens.Principal(Role.Coordinator, "programme-office")));

        Assert.True(check.IsValid, check.Failure);
        Assert.Equal(TokenRejections.InvalidSignature, (await validator.ValidateAsync(TestTokens.For(Role.Admin, "ops"))).Failure);
    }

    [Fact]
    public void Keys_off_the_P256_curve_are_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var error = Assert.Throws<InvalidOperationException>(() => IdentityKeys.FromPem(p384.ExportSubjectPublicKeyInfoPem(), "Identity:PublicKeyPem"));
        Assert.Contains("not a P-256 key", error.Message);

        // Same size, other curve: the size alone does not make a key fit for ES256.
        using var brainpool = ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1);
        Assert.Throws<InvalidOperationException>(() => IdentityKeys.FromPem(brainpool.ExportSubjectPublicKeyInfoPem(), "Identity:PublicKeyPem"));

        using var rsa = RSA.Create(2048);
        Assert.Throws<InvalidOperationException>(() => IdentityKeys.FromPem(rsa.ExportSubjectPublicKeyInfoPem(), "Identity:PublicKeyPem"));
    }

    [Fact]
    public void A_public_key_cannot_sign()
    {
        var options = new ExchangeIdentityOptions { PrivateKeyPem = TestTokens.PublicKeyPem };
        Assert.Throws<InvalidOperationException>(() => options.ReadSigningKey());
    }

    [Fact]
    public async Task A_service_without_a_key_does_not_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => IdentityHost.StartAsync<InteropTestService>(settings: new Dictionary<string, string?>()));
        Assert.Contains("Identity:PublicKeyPem", error.Message);
    }

    [Fact]
    public async Task A_service_pointed_at_the_development_folder_trusts_the_gateway_using_it()
    {
        var settings = new Dictionary<string, string?> { ["Identity:DevelopmentKeysFolder"] = _folder };
        await using var host = await IdentityHost.StartAsync<InteropTestService>(settings: settings);
        var gateway = TokenIssuer.FromOptions(new ExchangeIdentityOptions { DevelopmentKeysFolder = _folder });
        using var http = Wire.H2Client();

        using var response = await http.SendAsync(Wire.Grpc(host.H2Address, "/exchange.interop.v1.InteropTest/EmptyCall",
            new Exchange.Interop.V1.Empty(), BadTokens.Bearer(gateway.Issue(TestTokens.Principal(Role.Admin, "ops")))));
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", Wire.GrpcStatus(response));
    }
}
