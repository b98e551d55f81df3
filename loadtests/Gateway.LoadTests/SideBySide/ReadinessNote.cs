using System.Text;
using System.Text.Json;

namespace Gateway.LoadTests.SideBySide;

/// <summary>
/// Turns the gateway's <c>/readyz</c> JSON into one line: the overall status and each component's
/// state. After a run it tells, for instance, whether the Redis gateway stayed on Redis or spent
/// the run on its in-process fallback, which changes what its figures mean.
/// </summary>
internal static class ReadinessNote
{
    /// <summary>Whether the gateway reports its feature store on Redis (not the fallback).</summary>
    public static bool IsOnRedis(string? json) => StoreState(json) == "redis";

    /// <summary>The store's <c>state</c> (<c>redis</c>, <c>fallback</c>, <c>in-process</c>); null when absent or unreadable.</summary>
    public static string? StoreState(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("components", out var components)
                && components.ValueKind == JsonValueKind.Object
                && components.TryGetProperty("store", out var store)
                && store.ValueKind == JsonValueKind.Object
                && store.TryGetProperty("state", out var state)
                && state.ValueKind == JsonValueKind.String
                    ? state.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Describe(string? json)
    {
        if (json is null)
        {
            return "no answer";
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var text = new StringBuilder();
            text.Append("status ").Append(root.TryGetProperty("status", out var status) ? status.GetString() : "?");
            if (root.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Object)
            {
                foreach (var component in components.EnumerateObject())
                {
                    var state = component.Value.TryGetProperty("state", out var value) ? value.GetString() : "?";
                    text.Append("; ").Append(component.Name).Append(' ').Append(state);
                    if (component.Name is "store" or "scoreCache" && component.Value.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
                    {
                        text.Append(" (").Append(detail.GetString()).Append(')');
                    }
                }
            }
            return text.ToString();
        }
        catch (JsonException)
        {
            return "unreadable: " + (json.Length <= 200 ? json : json[..200] + "…");
        }
    }
}
