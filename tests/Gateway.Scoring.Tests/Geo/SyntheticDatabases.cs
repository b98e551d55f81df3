using static Gateway.Scoring.Tests.Geo.MmdbTestEncoder;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>Small databases built for tests, holding what the real ones do not.</summary>
internal static class SyntheticDatabases
{
    /// <summary>Largest payload one field can have (the spec's limit), used to push offsets past 2^24.</summary>
    public const int MaxFieldPayload = 16_843_036;

    public static readonly string[] Networks = ["1.2.3.0/24", "10.0.0.0/8", "0.0.0.0/32", "255.255.255.255/32", "2001:db8::/32", "2a00:1450:4000::/36"];

    public static readonly string[] ProbeAddresses =
    [
        "1.2.3.0", "1.2.3.255", "1.2.3.77", "1.2.2.255", "1.2.4.0", "10.0.0.0", "10.255.255.255", "11.0.0.0", "9.255.255.255",
        "0.0.0.0", "0.0.0.1", "255.255.255.255", "255.255.255.254", "8.8.8.8", "::ffff:1.2.3.4", "::ffff:10.1.1.1", "::1.2.3.4",
        "2001:db8::1", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "2001:db9::", "2001:db7:ffff::", "2a00:1450:4000::1",
        "2a00:1450:4fff:ffff::1", "2a00:1450:5000::", "::", "::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    ];

    /// <summary>
    /// A database whose records hold every data type, every size encoding and every pointer size.
    /// With <paramref name="farData"/>, records sit beyond 16 MiB so that 28- and 32-bit search
    /// tree records use their high bits.
    /// </summary>
    /// <param name="compact">
    /// Leaves out the padding that makes far pointers possible (and the long strings), for a small
    /// file to mutate in fuzz tests; all pointers are then of size 0 or 3.
    /// </param>
    public static byte[] EveryType(int ipVersion, int recordSize, bool farData, bool compact = false)
    {
        var builder = new MmdbTestFileBuilder(ipVersion, recordSize) { DatabaseType = "Test-Every-Type" };
        var near = builder.AddData(String("near: pointer size 0"));
        if (!compact)
        {
            builder.AddData(Bytes(new byte[3_000]));
        }
        var middle = builder.AddData(String("middle: pointer size 1"));
        if (!compact)
        {
            builder.AddData(Bytes(new byte[600_000]));
        }
        var far = builder.AddData(String("far: pointer size 2"));
        var key = builder.AddData(String("key_through_pointer"));
        if (farData)
        {
            builder.AddData(Bytes(new byte[MaxFieldPayload]));
        }
        var rich = builder.AddData(RawMap(
            (String("utf8"), String("h\u00e9llo \u2713 \u65e5\u672c")),
            (String("empty_string"), String("")),
            (String("long_string"), String(new string('x', compact ? 30 : 300))),
            (String("longer_string"), String(new string('y', compact ? 40 : 70_000))),
            (String("double"), Double(-42.125)),
            (String("float"), Float(1.5f)),
            (String("bytes"), Bytes([0x00, 0xAB, 0xFF])),
            (String("uint16"), UInt16(ushort.MaxValue)),
            (String("uint32"), UInt32(uint.MaxValue)),
            (String("uint32_zero"), UInt32(0)),
            (String("uint64"), UInt64(ulong.MaxValue - 1)),
            (String("uint128"), UInt128(((UInt128)0x0123456789ABCDEF << 64) | 0xFEDCBA9876543210)),
            (String("int32"), Int32(1234)),
            (String("int32_negative"), Int32(-268_435_456)),
            (String("true"), Boolean(true)),
            (String("false"), Boolean(false)),
            (String("array"), Array(String("a"), UInt32(1), Map(("nested", String("yes"))))),
            (String("empty_map"), Map()),
            (String("empty_array"), Array()),
            (String("pointer0"), Pointer(near, 0)),
            (String("pointer1"), Pointer(middle, compact ? 0 : 1)),
            (String("pointer2"), Pointer(far, compact ? 0 : 2)),
            (String("pointer3"), Pointer(far, 3)),
            (Pointer(key, 3), String("value of a key reached through a pointer"))));
        var country = builder.AddData(Map(("country", Map(("iso_code", String("DE")))), ("autonomous_system_number", UInt32(3320)), ("autonomous_system_organization", String("Deutsche Telekom AG"))));
        var scalar = builder.AddData(String("a record that is not a map"));
        int[] records = [rich, country, scalar, country, rich, scalar];
        for (var i = 0; i < Networks.Length; i++)
        {
            if (ipVersion == 6 || !Networks[i].Contains(':'))
            {
                builder.Network(Networks[i], records[i]);
            }
        }
        return builder.Build();
    }
}
