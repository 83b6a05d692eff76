using System.Security.Cryptography;

namespace Exchange.Identity;

/// <summary>
/// A key pair kept in a folder for running the platform on one machine: the gateway signs with
/// the private key, every service validates with the public one. Never for production, where
/// the keys come from the deployment's secrets.
/// </summary>
public static class DevelopmentKeys
{
    public const string PrivateKeyFileName = "identity-private.pem";
    public const string PublicKeyFileName = "identity-public.pem";

    public sealed record KeyPairFiles(string PrivateKeyFile, string PublicKeyFile);

    /// <summary>
    /// The key pair in <paramref name="folder"/>, created on first use. Processes starting at the
    /// same time agree on one pair: the private key is published with an atomic rename that
    /// fails when another process got there first, and the public key is derived from it.
    /// </summary>
    public static KeyPairFiles EnsureKeyPair(string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new KeyPairFiles(Path.Combine(folder, PrivateKeyFileName), Path.Combine(folder, PublicKeyFileName));
        if (!File.Exists(files.PrivateKeyFile)) CreatePrivateKey(files.PrivateKeyFile);
        if (!File.Exists(files.PublicKeyFile)) WritePublicKey(files);
        return files;
    }

    private static void CreatePrivateKey(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        WriteOwnerOnly(temporary, IdentityKeys.PrivateKeyPem(key));
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the pair first; its key is the one.
            File.Delete(temporary);
        }
    }

    private static void WritePublicKey(KeyPairFiles files)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(files.PrivateKeyFile));
        var temporary = $"{files.PublicKeyFile}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, IdentityKeys.PublicKeyPem(key));
        // Every writer derives the same text from the one private key, so the last rename wins harmlessly.
        File.Move(temporary, files.PublicKeyFile, overwrite: true);
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }
}
