using Gateway.Scoring.Policy;
using Microsoft.Extensions.Configuration;

namespace Gateway.Scoring.Configuration;

/// <summary>Binds the <c>Protection</c> section and checks the parts no single signal owns: unknown
/// keys (typos), and route metadata naming policies that do not exist.</summary>
internal static class ProtectionOptionsBinder
{
    public static ProtectionOptions Bind(IConfiguration configuration, ConfigurationErrors errors)
    {
        var options = new ProtectionOptions();
        var section = configuration.GetSection(ProtectionOptions.SectionName);
        try
        {
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the bad value; it stops at the first, so report that one.
            errors.Add(ProtectionOptions.SectionName, Flatten(ex));
        }
        return options;
    }

    /// <summary>Every <c>ReverseProxy:Routes:X:Metadata:ProtectionPolicy</c> must name a defined policy.</summary>
    public static void ValidateRoutePolicies(IConfiguration configuration, PolicyCatalog policies, ConfigurationErrors errors)
    {
        foreach (var route in configuration.GetSection("ReverseProxy:Routes").GetChildren())
        {
            var key = $"ReverseProxy:Routes:{route.Key}:Metadata:{PolicyCatalog.RouteMetadataKey}";
            var name = configuration[key];
            if (name is not null && !policies.Contains(name))
            {
                errors.Add(key, $"names policy '{name}', which is not defined under Protection:Policies (defined: {string.Join(", ", policies.Names)})");
            }
        }
    }

    private static string Flatten(Exception ex)
    {
        var message = ex.Message;
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            message += " " + inner.Message;
        }
        return message;
    }
}
