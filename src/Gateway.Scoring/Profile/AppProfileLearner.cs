using System.Collections.Frozen;
using Gateway.Scoring.Content;

namespace Gateway.Scoring.Profile;

/// <summary>
/// Builds an <see cref="AppProfile"/> from benign requests of one application. Learning happens
/// offline (<c>tools/Gateway.FeatureExport --learn-profile</c>) from traffic the operator vouches for;
/// the gateway only loads the result.
/// </summary>
internal sealed class AppProfileLearner(int maxValues = AppProfileLearner.DefaultMaxValues, int maxShapes = AppProfileLearner.DefaultMaxShapes)
{
    /// <summary>A field with more distinct values than this is not an enumeration.</summary>
    public const int DefaultMaxValues = 32;

    /// <summary>A field with more distinct shapes than this is free text (passwords, names, messages).</summary>
    public const int DefaultMaxShapes = 32;

    /// <summary>
    /// A field's values or shapes become a closed set only when the traffic shows that new ones are
    /// rare: the Good-Turing estimate of the chance that the next value is unseen (the share of
    /// observations whose value was seen exactly once) must be at most this. Otherwise (passwords,
    /// names) every honest newcomer would be flagged.
    /// </summary>
    public const double MaxUnseenChance = 0.0002;

    private readonly Dictionary<string, PathStats> _paths = new(StringComparer.Ordinal);
    private readonly int _maxValues = maxValues;
    private readonly int _maxShapes = maxShapes;

    public int Requests { get; private set; }

    public void Add(in RequestContent content)
    {
        var visitor = new Collect(this, content.Method);
        RequestFields.Visit(content, ref visitor);
        Requests++;
    }

    public AppProfile Build(string name, int minObservations)
    {
        var prefixCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (path, stats) in _paths)
        {
            var prefix = AppProfile.PrefixOf(path).ToString();
            prefixCounts[prefix] = prefixCounts.GetValueOrDefault(prefix) + stats.Observations;
        }
        var prefixes = prefixCounts.Where(p => p.Value >= minObservations).Select(p => p.Key).ToFrozenSet(StringComparer.Ordinal);
        var paths = _paths.ToFrozenDictionary(
            p => p.Key,
            p => new PathProfile(
                p.Value.Observations,
                p.Value.Methods.ToFrozenSet(StringComparer.Ordinal),
                p.Value.Fields.ToFrozenDictionary(f => f.Key, f => f.Value.Build(), StringComparer.Ordinal)),
            StringComparer.Ordinal);
        return new AppProfile(name, minObservations, paths, prefixes);
    }

    private sealed class PathStats
    {
        public int Observations;
        public readonly HashSet<string> Methods = new(StringComparer.Ordinal);
        public readonly Dictionary<string, FieldStats> Fields = new(StringComparer.Ordinal);
    }

    private sealed class FieldStats(int maxValues, int maxShapes)
    {
        private int _observations;
        private CharacterClasses _classes;
        private int _maxLength;
        private Dictionary<string, int>? _values = new(StringComparer.Ordinal);
        private Dictionary<string, int>? _shapes = new(StringComparer.Ordinal);
        private Dictionary<string, int>? _formats = new(StringComparer.Ordinal);
        private readonly int[] _holding = new int[64];
        private CharacterClasses _repeated;

        public void Add(ReadOnlySpan<char> value)
        {
            _observations++;
            _classes = _classes.Union(CharacterClasses.Of(value));
            _maxLength = Math.Max(_maxLength, value.Length);
            _values = Count(_values, value.ToString(), maxValues);
            _shapes = Count(_shapes, ValueShape.Of(value), maxShapes);
            _formats = Count(_formats, ValueShape.FormatOf(value), maxShapes);
            _repeated = _repeated.Union(CharacterClasses.RepeatedIn(value));
            var held = CharacterClasses.Of(value).Bits;
            for (var slot = 0; held != 0; slot++, held >>= 1)
            {
                _holding[slot] += (int)(held & 1);
            }
        }

        /// <summary>Classes held by at least half of the values and never twice by one.</summary>
        private CharacterClasses Singular()
        {
            ulong bits = 0;
            for (var slot = 0; slot < _holding.Length; slot++)
            {
                if (_holding[slot] * 2 >= _observations)
                {
                    bits |= 1UL << slot;
                }
            }
            return new CharacterClasses(bits & ~_repeated.Bits & CharacterClasses.Punctuation.Bits);
        }

        public FieldProfile Build() => new(_observations, _classes, _maxLength, Closed(_values), Closed(_shapes), Closed(_formats), Singular());

        private static Dictionary<string, int>? Count(Dictionary<string, int>? counts, string key, int max)
        {
            if (counts is null)
            {
                return null;
            }
            counts[key] = counts.GetValueOrDefault(key) + 1;
            return counts.Count > max ? null : counts;
        }

        private FrozenSet<string>? Closed(Dictionary<string, int>? counts)
        {
            if (counts is null)
            {
                return null;
            }
            var seenOnce = 0;
            foreach (var count in counts.Values)
            {
                seenOnce += count == 1 ? 1 : 0;
            }
            return seenOnce <= MaxUnseenChance * _observations ? counts.Keys.ToFrozenSet(StringComparer.Ordinal) : null;
        }
    }

    private struct Collect(AppProfileLearner learner, string method) : IFieldVisitor
    {
        private PathStats? _path;

        public void Path(ReadOnlySpan<char> path)
        {
            var key = path.ToString();
            if (!learner._paths.TryGetValue(key, out _path))
            {
                learner._paths[key] = _path = new PathStats();
            }
            _path.Observations++;
            _path.Methods.Add(method);
        }

        public readonly void Field(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
        {
            var key = name.ToString();
            if (!_path!.Fields.TryGetValue(key, out var field))
            {
                _path.Fields[key] = field = new FieldStats(learner._maxValues, learner._maxShapes);
            }
            field.Add(value);
        }

        /// <summary>Nothing to learn from what has no field name.</summary>
        public readonly void Unread()
        {
        }
    }
}
