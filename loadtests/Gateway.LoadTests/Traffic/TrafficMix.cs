namespace Gateway.LoadTests.Traffic;

/// <summary>Weighted choice between sources, made from the sequence number (so it repeats exactly).</summary>
internal sealed class TrafficMix
{
    private readonly ITrafficSource[] _sources;
    private readonly int[] _cumulativeWeights;
    private readonly ulong _salt;

    public TrafficMix(IReadOnlyList<(ITrafficSource Source, int Weight)> sources, ulong salt)
    {
        if (sources.Count == 0)
        {
            throw new ArgumentException("A mix needs at least one source.", nameof(sources));
        }
        _sources = new ITrafficSource[sources.Count];
        _cumulativeWeights = new int[sources.Count];
        var total = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(sources[i].Weight, 1);
            total += sources[i].Weight;
            _sources[i] = sources[i].Source;
            _cumulativeWeights[i] = total;
        }
        _salt = salt;
    }

    public int TotalWeight => _cumulativeWeights[^1];

    /// <summary>e.g. "Benign 90%, Attack 10%".</summary>
    public string Describe()
    {
        var parts = new List<string>(_sources.Length);
        var previous = 0;
        for (var i = 0; i < _sources.Length; i++)
        {
            var share = 100.0 * (_cumulativeWeights[i] - previous) / TotalWeight;
            parts.Add($"{_sources[i].Kind} {share:0.#}%");
            previous = _cumulativeWeights[i];
        }
        return string.Join(", ", parts);
    }

    public LoadRequest Next(long sequence)
    {
        if (_sources.Length == 1)
        {
            return _sources[0].Next(sequence);
        }
        var pick = DeterministicHash.Pick(sequence, _salt, TotalWeight);
        for (var i = 0; i < _cumulativeWeights.Length; i++)
        {
            if (pick < _cumulativeWeights[i])
            {
                return _sources[i].Next(sequence);
            }
        }
        return _sources[^1].Next(sequence);
    }
}
