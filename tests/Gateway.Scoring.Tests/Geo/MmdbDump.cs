using System.Globalization;
using System.Text;

namespace Gateway.Scoring.Tests.Geo;

/// <summary>
/// One canonical form for a record, so that what <c>mmdblookup</c> prints and what the reader
/// decodes compare as text: every value with its MaxMind DB type name, maps in file order.
/// </summary>
internal static class MmdbDump
{
    internal abstract record Node
    {
        public abstract void Write(StringBuilder text);

        public string ToCanonical()
        {
            var text = new StringBuilder();
            Write(text);
            return text.ToString();
        }
    }

    internal sealed record MapNode(List<(string Key, Node Value)> Pairs) : Node
    {
        public Node? Get(string key) => Pairs.Find(p => p.Key == key).Value;

        public override void Write(StringBuilder text)
        {
            text.Append('{');
            for (var i = 0; i < Pairs.Count; i++)
            {
                text.Append(i == 0 ? "" : ",").Append('"').Append(Pairs[i].Key).Append("\":");
                Pairs[i].Value.Write(text);
            }
            text.Append('}');
        }
    }

    internal sealed record ArrayNode(List<Node> Items) : Node
    {
        public override void Write(StringBuilder text)
        {
            text.Append('[');
            for (var i = 0; i < Items.Count; i++)
            {
                text.Append(i == 0 ? "" : ",");
                Items[i].Write(text);
            }
            text.Append(']');
        }
    }

    internal sealed record ScalarNode(string Type, string Text) : Node
    {
        public override void Write(StringBuilder text) => text.Append(Text).Append('<').Append(Type).Append('>');
    }

    /// <summary>Parses the record part of <c>mmdblookup</c>'s output (libmaxminddb's dump format).</summary>
    public static Node Parse(IEnumerable<string> lines)
    {
        var queue = new Queue<string>(lines.Select(l => l.Trim()).Where(l => l.Length > 0));
        var node = ParseValue(queue);
        Assert.True(queue.Count == 0, $"mmdblookup printed more than one value; left: {string.Join(" | ", queue)}");
        return node;
    }

    /// <summary>The same canonical form from a value decoded by the reader.</summary>
    public static Node FromDecoded(object value) => value switch
    {
        Dictionary<string, object> map => new MapNode(map.Select(p => (p.Key, FromDecoded(p.Value))).ToList()),
        object[] items => new ArrayNode(items.Select(FromDecoded).ToList()),
        string s => new ScalarNode("utf8_string", s),
        double d => new ScalarNode("double", d.ToString("F6", CultureInfo.InvariantCulture)),
        float f => new ScalarNode("float", ((double)f).ToString("F6", CultureInfo.InvariantCulture)),
        byte[] b => new ScalarNode("bytes", Convert.ToHexString(b)),
        ushort v => new ScalarNode("uint16", v.ToString(CultureInfo.InvariantCulture)),
        uint v => new ScalarNode("uint32", v.ToString(CultureInfo.InvariantCulture)),
        int v => new ScalarNode("int32", v.ToString(CultureInfo.InvariantCulture)),
        ulong v => new ScalarNode("uint64", v.ToString(CultureInfo.InvariantCulture)),
        UInt128 v => new ScalarNode("uint128", "0x" + ((ulong)(v >> 64)).ToString("X16", CultureInfo.InvariantCulture) + ((ulong)v).ToString("X16", CultureInfo.InvariantCulture)),
        bool v => new ScalarNode("boolean", v ? "true" : "false"),
        _ => throw new ArgumentException($"Unexpected decoded type {value.GetType()}"),
    };

    private static Node ParseValue(Queue<string> lines)
    {
        Assert.True(lines.Count > 0, "mmdblookup output ended where a value was expected");
        var line = lines.Dequeue();
        if (line == "{")
        {
            var pairs = new List<(string, Node)>();
            while (lines.Peek() != "}")
            {
                var key = lines.Dequeue();
                Assert.True(key.StartsWith('"') && key.EndsWith("\":", StringComparison.Ordinal), $"not a map key line: {key}");
                pairs.Add((key[1..^2], ParseValue(lines)));
            }
            lines.Dequeue();
            return new MapNode(pairs);
        }
        if (line == "[")
        {
            var items = new List<Node>();
            while (lines.Peek() != "]")
            {
                items.Add(ParseValue(lines));
            }
            lines.Dequeue();
            return new ArrayNode(items);
        }
        var typeStart = line.LastIndexOf(" <", StringComparison.Ordinal);
        Assert.True(typeStart > 0 && line.EndsWith('>'), $"not a scalar line: {line}");
        var type = line[(typeStart + 2)..^1];
        var text = line[..typeStart];
        if (type == "utf8_string")
        {
            Assert.True(text.Length >= 2 && text[0] == '"' && text[^1] == '"', $"string without quotes: {line}");
            text = text[1..^1];
        }
        return new ScalarNode(type, text);
    }
}
