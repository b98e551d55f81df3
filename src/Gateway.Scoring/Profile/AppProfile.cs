using System.Collections.Frozen;
using Gateway.Scoring.Content;
using Microsoft.AspNetCore.Http;

namespace Gateway.Scoring.Profile;

/// <summary>
/// A positive model of one application, learned from its benign traffic (<see cref="AppProfileLearner"/>):
/// its paths, the methods and parameters each path receives, and per parameter the character classes,
/// length, and (when few) the values and shapes it carries. A request that strays from it (a parameter
/// the application never received, a quote in a field that never held one) gets a risk and a reason.
/// It complements the content model, which knows attacks on any site but not this site's forms.
/// Requests outside the profile's path prefixes get no verdict, so a profile never judges another app.
/// </summary>
internal sealed class AppProfile
{
    public const string Format = "app-profile-v1";

    private readonly FrozenDictionary<string, PathProfile>.AlternateLookup<ReadOnlySpan<char>> _pathLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;

    public AppProfile(string name, int minObservations, FrozenDictionary<string, PathProfile> paths, FrozenSet<string> prefixes)
    {
        Name = name;
        MinObservations = minObservations;
        Paths = paths;
        Prefixes = prefixes;
        _pathLookup = paths.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Name { get; }

    /// <summary>Observations a path or a field needs before its rules are trusted.</summary>
    public int MinObservations { get; }

    public FrozenDictionary<string, PathProfile> Paths { get; }

    /// <summary>First path segments (<c>/shop</c>) the profile speaks for.</summary>
    public FrozenSet<string> Prefixes { get; }

    /// <summary>Log-odds off the content model's probability for a request the profile vouches for
    /// (<see cref="AppProfileOptions.ConformingContentDiscount"/>); set from configuration at startup.</summary>
    public double ConformingContentDiscount { get; internal set; }

    public ProfileVerdict Check(in RequestContent content)
    {
        var check = new Checker(this, content.Method);
        RequestFields.Visit(content, ref check);
        return check.Verdict.Reason is null && check.Covered && !check.Partial
            ? check.Verdict with { Vouched = true }
            : check.Verdict;
    }

    /// <summary>The first segment of a decoded path: <c>/shop/cart</c> → <c>/shop</c>; <c>/</c> → <c>/</c>.</summary>
    public static ReadOnlySpan<char> PrefixOf(ReadOnlySpan<char> path)
    {
        if (path.Length <= 1)
        {
            return "/";
        }
        var next = path[1..].IndexOf('/');
        return next < 0 ? path : path[..(next + 1)];
    }

    private struct Checker(AppProfile profile, string method) : IFieldVisitor
    {
        private PathProfile? _path;

        public ProfileVerdict Verdict { get; private set; }

        /// <summary>The path is one the profile knows well enough to judge, with a method it was seen to receive.</summary>
        public bool Covered { get; private set; }

        /// <summary>Some of the request went unjudged: a field seen too rarely to trust, or content with no field.</summary>
        public bool Partial { get; private set; }

        public void Path(ReadOnlySpan<char> path)
        {
            if (!profile._prefixLookup.Contains(PrefixOf(path)))
            {
                return;
            }
            if (!profile._pathLookup.TryGetValue(path, out var known))
            {
                Verdict = Verdict.Max(ProfileReasons.UnknownPathRisk, ProfileReasons.UnknownPath);
                return;
            }
            if (known.Observations < profile.MinObservations)
            {
                return;
            }
            _path = known;
            // HEAD is GET without the body (RFC 9110, 9.3.2): link checkers and caches send it to pages
            // the application's own traffic only ever GETs.
            if (!known.Methods.Contains(method) && !(HttpMethods.IsHead(method) && known.Methods.Contains(HttpMethods.Get)))
            {
                Verdict = Verdict.Max(ProfileReasons.UnknownMethodRisk, ProfileReasons.UnknownMethod);
                return;
            }
            Covered = true;
        }

        public void Unread() => Partial = true;

        public void Field(ReadOnlySpan<char> name, ReadOnlySpan<char> value)
        {
            if (_path is null)
            {
                return;
            }
            var field = _path.Field(name);
            if (field is null)
            {
                Verdict = Verdict.Max(ProfileReasons.UnknownParameterRisk, ProfileReasons.UnknownParameter);
                return;
            }
            if (field.Observations < profile.MinObservations)
            {
                Partial = true;
                return;
            }
            if (CharacterClasses.Of(value).HasAnyOutside(field.Classes))
            {
                Verdict = Verdict.Max(ProfileReasons.UnexpectedCharacterRisk, ProfileReasons.UnexpectedCharacter);
            }
            if (!CharacterClasses.RepeatedIn(value).Intersect(field.Singular).IsEmpty)
            {
                Verdict = Verdict.Max(ProfileReasons.UnexpectedShapeRisk, ProfileReasons.UnexpectedShape);
            }
            // Some slack: lengths seen in training are a sample, not a specification.
            if (value.Length > field.MaxLength + field.MaxLength / 2 + 8)
            {
                Verdict = Verdict.Max(ProfileReasons.TooLongRisk, ProfileReasons.TooLong);
            }
            if (field.Values is { } values)
            {
                // An enumeration: the value itself is checked, and its shape says nothing more.
                if (!values.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value))
                {
                    Verdict = Verdict.Max(ProfileReasons.UnknownValueRisk, ProfileReasons.UnknownValue);
                }
                return;
            }
            Span<char> buffer = stackalloc char[ValueShape.MaxLength];
            if ((field.Shapes is { } shapes && !shapes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(ValueShape.Write(value, buffer))
                    && field.VariedSkeletons?.GetAlternateLookup<ReadOnlySpan<char>>().Contains(ValueShape.WriteSkeleton(value, buffer)) != true)
                || (field.CheckedFormats is { } formats && !formats.GetAlternateLookup<ReadOnlySpan<char>>().Contains(ValueShape.WriteFormat(value, buffer))))
            {
                Verdict = Verdict.Max(ProfileReasons.UnexpectedShapeRisk, ProfileReasons.UnexpectedShape);
            }
        }
    }
}
