namespace Exchange.Surveys.Analytics;

/// <summary>
/// The last few matrices built, by selection of rounds, each with the stamp of the responses it
/// holds. A new submission changes the stamp and the matrix is built again; a closed round's
/// matrix stays valid. At most
/// <see cref="Capacity"/> matrices are kept (a 10,000 x 100 round takes about 10 MB), the least
/// recently used leaving first.
/// </summary>
public sealed class ResponseMatrixCache
{
    public const int Capacity = 4;

    private readonly Lock _lock = new();
    private readonly LinkedList<(string Key, ResponseStamp Stamp, ResponseMatrix Matrix)> _entries = new();

    public ResponseMatrix? Find(string key, ResponseStamp stamp)
    {
        lock (_lock)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key != key) continue;
                if (node.Value.Stamp != stamp) return null;
                _entries.Remove(node);
                _entries.AddFirst(node);
                return node.Value.Matrix;
            }
            return null;
        }
    }

    public void Keep(string key, ResponseStamp stamp, ResponseMatrix matrix)
    {
        lock (_lock)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key != key) continue;
                _entries.Remove(node);
                break;
            }
            _entries.AddFirst((key, stamp, matrix));
            while (_entries.Count > Capacity) _entries.RemoveLast();
        }
    }
}

/// <summary>
/// What identifies the submitted responses of a selection at one moment: their number. A
/// submission is final and never withdrawn, so the submitted set only grows, and the same number
/// means the same responses.
/// </summary>
public readonly record struct ResponseStamp(int Submitted);
