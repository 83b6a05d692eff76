using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Identity;

/// <summary>Reads the ECDSA P-256 keys of ES256 tokens from PEM text.</summary>
public static class IdentityKeys
{
    /// <summary>
    /// A key from PEM (<c>PUBLIC KEY</c>, <c>PRIVATE KEY</c> or <c>EC PRIVATE KEY</c>); refuses
    /// anything that is not on the P-256 curve, since ES256 is defined on it alone.
    /// </summary>
    public static ECDsaSecurityKey FromPem(string pem, string source)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException($"{source} is not an ECDSA key in PEM form: {ex.Message}", ex);
        }
        if (ecdsa.KeySize != 256 || ecdsa.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException($"{source} is not a P-256 key; ES256 tokens need one");
        }
        return new ECDsaSecurityKey(ecdsa);
    }

    /// <summary>True when the key can sign (the library cannot tell for ECDSA keys: it says "unknown").</summary>
    public static bool HasPrivateKey(ECDsaSecurityKey key)
    {
        try
        {
            key.ECDsa.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The public half of a key, so that a validator can never sign.</summary>
    public static ECDsaSecurityKey PublicPart(ECDsaSecurityKey key)
    {
        var ecdsa = ECDsa.Create(key.ECDsa.ExportParameters(false));
        return new ECDsaSecurityKey(ecdsa);
    }

    public static string PublicKeyPem(ECDsa key) => key.ExportSubjectPublicKeyInfoPem();

    public static string PrivateKeyPem(ECDsa key) => key.ExportPkcs8PrivateKeyPem();
}
