using System.Collections;

namespace Exchange.Rpc;

/// <summary>
/// Custom call metadata (request headers, response headers, trailers). Keys are lower case ASCII;
/// keys ending in <c>-bin</c> carry bytes, sent base64-encoded, all others carry ASCII text.
/// </summary>
public sealed class Metadata : IEnumerable<Metadata.Entry>
{
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public Entry this[int index] => _entries[index];

    public Metadata Add(string key, string value)
    {
        var entry = Entry.Text(key, value);
        _entries.Add(entry);
        return this;
    }

    public Metadata Add(string key, byte[] value)
    {
        _entries.Add(Entry.Binary(key, value));
        return this;
    }

    public void Add(Entry entry) => _entries.Add(entry);

    /// <summary>The last text value under <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key == key && !_entries[i].IsBinary) return _entries[i].Value;
        }
        return null;
    }

    /// <summary>The last binary value under <paramref name="key"/> (which ends in -bin), or null.</summary>
    public byte[]? GetBytes(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key == key && _entries[i].IsBinary) return _entries[i].ValueBytes;
        }
        return null;
    }

    public IEnumerable<Entry> GetAll(string key) => _entries.Where(e => e.Key == key);

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.Ordinal);

    /// <summary>One key with its text or binary value.</summary>
    public sealed class Entry
    {
        private Entry(string key, string? value, byte[]? bytes)
        {
            Key = key;
            _value = value;
            _bytes = bytes;
        }

        private readonly string? _value;
        private readonly byte[]? _bytes;

        public string Key { get; }

        public bool IsBinary => _bytes is not null;

        public string Value => _value ?? throw new InvalidOperationException($"Metadata key '{Key}' is binary; read ValueBytes.");

        public byte[] ValueBytes => _bytes ?? throw new InvalidOperationException($"Metadata key '{Key}' is text; read Value.");

        public static Entry Text(string key, string value)
        {
            var normalized = NormalizeKey(key);
            if (IsBinaryKey(normalized))
                throw new ArgumentException($"Metadata key '{key}' ends in -bin and needs a byte[] value.", nameof(key));
            foreach (var c in value)
            {
                if (c < 0x20 || c > 0x7E)
                    throw new ArgumentException($"Metadata value for '{key}' must be printable ASCII; use a -bin key for other data.", nameof(value));
            }
            return new Entry(normalized, value, null);
        }

        public static Entry Binary(string key, byte[] value)
        {
            var normalized = NormalizeKey(key);
            if (!IsBinaryKey(normalized))
                throw new ArgumentException($"Metadata key '{key}' carries bytes and must end in -bin.", nameof(key));
            return new Entry(normalized, null, value);
        }

        public override string ToString() => IsBinary ? $"{Key}: {Convert.ToBase64String(ValueBytes)}" : $"{Key}: {Value}";

        private static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var lower = key.ToLowerInvariant();
            foreach (var c in lower)
            {
                var ok = c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.';
                if (!ok) throw new ArgumentException($"Metadata key '{key}' has the character '{c}'; only a-z 0-9 - _ . are allowed.", nameof(key));
            }
            // The one protocol key applications write: the status details of the richer error model.
            if (lower.StartsWith("grpc-", StringComparison.Ordinal) && lower != ErrorDetails.TrailerName)
                throw new ArgumentException($"Metadata key '{key}' is reserved: keys starting with grpc- belong to the protocol.", nameof(key));
            return lower;
        }
    }
}
