using System.Globalization;
using System.Net;
using Gateway.Scoring.Geo;
using Gateway.Scoring.Geo.MaxMindDb;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>
/// Asks the reader and mmdblookup the same addresses and compares found / not found, prefix
/// length, the whole record (every value and its type) and the country and AS taken from it.
/// </summary>
internal static class ReferenceComparison
{
    public static (int Total, int Found, int NotFound, int Refused) AssertSameAnswers(MmdbReader reader, string referencePath, IReadOnlyList<string> addresses)
    {
        var ipv4Only = reader.Metadata.IpVersion == 4;
        // mmdblookup refuses every IPv6 address in an IPv4-only tree; the reader answers an
        // IPv4-mapped one as its IPv4 address, so that is what the reference is asked.
        var asked = addresses.Select(a => ipv4Only && IPAddress.Parse(a) is { IsIPv4MappedToIPv6: true } mapped
            ? mapped.MapToIPv4().ToString()
            : a).ToList();
        var reference = MmdblookupReference.LookUp(referencePath, asked);

        var mismatches = new List<string>();
        int found = 0, notFound = 0, refused = 0;
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < addresses.Count; i++)
        {
            IPAddress.Parse(addresses[i]).TryWriteBytes(bytes, out var written);
            var mine = reader.Find(bytes[..written]);
            var expected = reference[i];
            var problem = Compare(reader, mine, expected);
            if (problem is not null)
            {
                mismatches.Add($"{addresses[i]}: {problem}");
            }
            switch (mine.Status)
            {
                case MmdbLookupStatus.Found: found++; break;
                case MmdbLookupStatus.NotFound: notFound++; break;
                default: refused++; break;
            }
        }
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {addresses.Count} addresses differ from mmdblookup on {referencePath}:\n" + string.Join("\n", mismatches.Take(15)));
        return (addresses.Count, found, notFound, refused);
    }

    private static string? Compare(MmdbReader reader, MmdbLookupResult mine, ReferenceAnswer expected)
    {
        if (mine.Status == MmdbLookupStatus.AddressFamilyNotInDatabase)
        {
            return expected.ExitCode is ReferenceAnswer.Found or ReferenceAnswer.NotFound
                ? $"reader refused the address, mmdblookup answered (exit {expected.ExitCode})"
                : null;
        }
        var expectedFound = expected.ExitCode switch
        {
            ReferenceAnswer.Found => true,
            ReferenceAnswer.NotFound => false,
            _ => (bool?)null,
        };
        if (expectedFound is null)
        {
            return $"mmdblookup failed (exit {expected.ExitCode}), reader said {mine.Status}";
        }
        if (mine.IsFound != expectedFound)
        {
            return $"reader {mine.Status}, mmdblookup {(expectedFound.Value ? "found" : "not found")}";
        }
        if (mine.PrefixLength != expected.PrefixLength)
        {
            return $"prefix length {mine.PrefixLength}, mmdblookup {expected.PrefixLength}";
        }
        if (!mine.IsFound)
        {
            return null;
        }
        var decoded = reader.Decode(mine.DataOffset);
        var canonical = MmdbDump.FromDecoded(decoded).ToCanonical();
        if (canonical != expected.Record)
        {
            return "record differs\n" + Difference(canonical, expected.Record);
        }
        var info = GeoRecordReader.Read(decoded, s => s);
        var tree = expected.Tree as MmdbDump.MapNode;
        var country = ((tree?.Get("country") as MmdbDump.MapNode)?.Get("iso_code") ?? tree?.Get("country_code")) as MmdbDump.ScalarNode;
        var asn = tree?.Get("autonomous_system_number") as MmdbDump.ScalarNode;
        var organization = tree?.Get("autonomous_system_organization") as MmdbDump.ScalarNode;
        var expectedInfo = new GeoInfo(
            country?.Text,
            asn is null ? 0 : uint.Parse(asn.Text, CultureInfo.InvariantCulture),
            asn is null ? null : organization?.Text);
        return info == expectedInfo ? null : $"geo info {info}, mmdblookup record gives {expectedInfo}";
    }

    /// <summary>Where two canonical records part, with a little context (records can be long).</summary>
    private static string Difference(string mine, string? reference)
    {
        reference ??= "";
        var at = 0;
        while (at < mine.Length && at < reference.Length && mine[at] == reference[at])
        {
            at++;
        }
        var from = Math.Max(0, at - 60);
        return $"  reader:      …{mine[from..Math.Min(mine.Length, at + 60)]}…\n  mmdblookup:  …{reference[from..Math.Min(reference.Length, at + 60)]}…";
    }
}
