namespace Gateway.Scoring.Login.InProcess;

/// <summary>
/// The in-process counterpart of one entity's Redis keys: decayed counters updated the way the
/// Redis write script updates them, period sketches, the cracked mark and remembered locations.
/// </summary>
internal sealed class LoginEntityRecord
{
    private readonly Lock _gate = new();
    private long _updatedAt;
    private double _attemptsShort, _failuresShort, _successesShort;
    private double _attemptsLong, _failuresLong, _successesLong;
    private PeriodSketch _shortDistinct;
    private PeriodSketch _longDistinct;
    private long _crackedAt;
    private Dictionary<string, long>? _locations;

    public long UpdatedAt => Volatile.Read(ref _updatedAt);

    public void Record(in LoginObservation observation, long now)
    {
        lock (_gate)
        {
            var elapsed = now - _updatedAt;
            if (elapsed > 0)
            {
                var shortDecay = LoginWindows.Decay(elapsed, LoginWindows.ShortHalfLife);
                var longDecay = LoginWindows.Decay(elapsed, LoginWindows.LongHalfLife);
                _attemptsShort *= shortDecay; _failuresShort *= shortDecay; _successesShort *= shortDecay;
                _attemptsLong *= longDecay; _failuresLong *= longDecay; _successesLong *= longDecay;
                Volatile.Write(ref _updatedAt, now);
            }
            _attemptsShort++;
            _attemptsLong++;
            switch (observation.Outcome)
            {
                case LoginOutcome.Failure: _failuresShort++; _failuresLong++; break;
                case LoginOutcome.Success: _successesShort++; _successesLong++; break;
            }
            if (observation.Member != 0)
            {
                _shortDistinct.Add(LoginWindows.ShortPeriodAt(now), observation.Member);
                _longDistinct.Add(LoginWindows.LongPeriodAt(now), observation.Member);
            }
            if (observation.MarkCracked)
            {
                _crackedAt = now;
            }
            if (observation.Outcome == LoginOutcome.Success)
            {
                Remember(observation.Country, observation.Asn, observation.Subnet, now);
            }
        }
    }

    public LoginEntityState Read(LoginReadContext context, long now)
    {
        lock (_gate)
        {
            var elapsed = now - _updatedAt;
            var s = LoginWindows.Decay(elapsed, LoginWindows.ShortHalfLife);
            var l = LoginWindows.Decay(elapsed, LoginWindows.LongHalfLife);
            var locations = _locations;
            return new LoginEntityState(
                _attemptsShort * s, _failuresShort * s, _successesShort * s,
                _attemptsLong * l, _failuresLong * l, _successesLong * l,
                _shortDistinct.Count(LoginWindows.ShortPeriodAt(now)),
                _longDistinct.Count(LoginWindows.LongPeriodAt(now)),
                _crackedAt != 0 && now - _crackedAt <= (long)LoginWindows.CrackedMemory.TotalMilliseconds,
                locations?.Count ?? 0,
                locations is not null && context.Country is not null && locations.ContainsKey(LocationFields.Country(context.Country)),
                locations is not null && context.Asn != 0 && locations.ContainsKey(LocationFields.Asn(context.Asn)),
                locations is not null && context.Subnet is not null && locations.ContainsKey(LocationFields.Subnet(context.Subnet)));
        }
    }

    private void Remember(string? country, uint asn, string? subnet, long now)
    {
        if (_locations is not null && _locations.Count > 0 && now - MaxValue(_locations) > (long)LoginWindows.LocationMemory.TotalMilliseconds)
        {
            _locations.Clear(); // the Redis hash would have expired
        }
        if (country is not null)
        {
            Put(LocationFields.Country(country), now);
        }
        if (asn != 0)
        {
            Put(LocationFields.Asn(asn), now);
        }
        if (subnet is not null)
        {
            Put(LocationFields.Subnet(subnet), now);
        }
    }

    private void Put(string field, long now)
    {
        _locations ??= new Dictionary<string, long>(StringComparer.Ordinal);
        _locations[field] = now;
        if (_locations.Count > LoginWindows.MaxLocations)
        {
            var oldest = string.Empty;
            var oldestAt = long.MaxValue;
            foreach (var (name, at) in _locations)
            {
                if (at < oldestAt)
                {
                    (oldest, oldestAt) = (name, at);
                }
            }
            _locations.Remove(oldest);
        }
    }

    private static long MaxValue(Dictionary<string, long> values)
    {
        var max = long.MinValue;
        foreach (var value in values.Values)
        {
            max = Math.Max(max, value);
        }
        return max;
    }
}
