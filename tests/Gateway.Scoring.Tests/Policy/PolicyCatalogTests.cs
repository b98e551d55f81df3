using Gateway.Scoring.Configuration;
using Gateway.Scoring.Policy;

namespace Gateway.Scoring.Tests.Policy;

public sealed class PolicyCatalogTests
{
    [Fact]
    public void Build_InvalidPolicies_ReportsEveryProblemWithItsKey()
    {
        var errors = new ConfigurationErrors();
        var policies = new Dictionary<string, PolicyOptions>
        {
            ["web"] = new() { ChallengeThreshold = 0.9, BlockThreshold = 0.5, BudgetMilliseconds = 0 },
            ["login"] = new() { RequestsPer10Seconds = 0, BlockedCountries = ["USA", "fr"], ContentWeight = 2 },
        };

        PolicyCatalog.Build(policies, "missing", errors, "Protection");

        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Policies:web:BlockThreshold"));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Policies:web:BudgetMilliseconds"));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Policies:login:RequestsPer10Seconds"));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Policies:login:BlockedCountries:0") && e.Contains("USA"));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:Policies:login:ContentWeight"));
        Assert.Contains(errors.Errors, e => e.StartsWith("Protection:DefaultPolicy") && e.Contains("missing"));
        Assert.Equal(6, errors.Errors.Count);
    }

    [Fact]
    public void Resolve_RouteMetadata_PicksTheNamedPolicy_OtherwiseTheDefault()
    {
        var errors = new ConfigurationErrors();
        var catalog = PolicyCatalog.Build(new Dictionary<string, PolicyOptions>
        {
            ["default"] = new(),
            ["login"] = new() { ChallengeThreshold = 0.3 },
        }, "default", errors, "Protection");

        Assert.False(errors.HasErrors);
        Assert.Equal("login", catalog.Resolve(new Dictionary<string, string> { ["ProtectionPolicy"] = "LOGIN" }).Name);
        Assert.Equal("default", catalog.Resolve(new Dictionary<string, string> { ["Other"] = "x" }).Name);
        Assert.Equal("default", catalog.Resolve(null).Name);
    }

    [Fact]
    public void Build_NoPoliciesConfigured_UsesBuiltInDefaults()
    {
        var errors = new ConfigurationErrors();

        var catalog = PolicyCatalog.Build(new Dictionary<string, PolicyOptions>(), "default", errors, "Protection");

        Assert.False(errors.HasErrors);
        Assert.Equal(0.5, catalog.Default.Options.ChallengeThreshold);
    }
}
