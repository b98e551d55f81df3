using System.Runtime.CompilerServices;

namespace Gateway.Scoring.Decision;

/// <summary>
/// Up to <see cref="Capacity"/> reasons held inline, so a decision allocates no list. Reasons are
/// precomputed constant strings; a reason past capacity is dropped (the strongest come first).
/// </summary>
public struct ReasonList
{
    public const int Capacity = 8;

    private Buffer _items;
    private int _count;

    public readonly int Count => _count;

    public readonly string this[int index] =>
        (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(string reason)
    {
        if (_count < Capacity)
        {
            _items[_count++] = reason;
        }
    }

    public readonly bool Contains(string reason)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_items[i], reason, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    public override readonly string ToString()
    {
        if (_count == 0)
        {
            return string.Empty;
        }
        var parts = new string[_count];
        for (var i = 0; i < _count; i++)
        {
            parts[i] = _items[i];
        }
        return string.Join(',', parts);
    }

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private string _element0;
    }
}
