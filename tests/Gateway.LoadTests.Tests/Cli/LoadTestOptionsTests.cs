using Gateway.LoadTests.Cli;
using Gateway.LoadTests.Engine;

namespace Gateway.LoadTests.Tests.Cli;

public sealed class LoadTestOptionsTests
{
    [Fact]
    public void Bind_NoOptions_GivesTheDocumentedDefaults()
    {
        var errors = new List<string>();

        var options = Bind(errors, "side-by-side");

        Assert.Empty(errors);
        Assert.Equal("mixed", options.Scenario);
        Assert.Equal(LoadModel.Open, options.Settings.Model);
        Assert.Equal(200, options.Settings.Rate);
        Assert.Equal(256, options.Settings.Connections);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Settings.Duration);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Settings.WarmUp);
        Assert.Equal(10_000, options.ScenarioOptions.Clients);
        Assert.Equal(["direct", "bare-yarp", "gateway-inprocess", "gateway-redis"], options.Targets);
        Assert.Equal("/usr/bin/python3", options.Python);
    }

    [Fact]
    public void Bind_ClosedModel_DefaultsToEightConnections()
    {
        var errors = new List<string>();

        var options = Bind(errors, "run", "--model", "closed", "--target=http://127.0.0.1:1");

        Assert.Empty(errors);
        Assert.Equal(LoadModel.Closed, options.Settings.Model);
        Assert.Equal(8, options.Settings.Connections);
    }

    [Fact]
    public void Bind_EveryMistake_IsReportedAtOnce()
    {
        var errors = new List<string>();

        Bind(errors, "side-by-side", "--model", "bursty", "--duration", "99999", "--rate", "-1", "--scenario", "nope",
            "--targets", "direct,mystery", "--gateway-arg", "novalue", "--connections", "0", "stray", "--frobnicate", "1");

        Assert.Contains(errors, e => e.Contains("--model"));
        Assert.Contains(errors, e => e.Contains("--duration"));
        Assert.Contains(errors, e => e.Contains("--rate"));
        Assert.Contains(errors, e => e.Contains("unknown scenario 'nope'"));
        Assert.Contains(errors, e => e.Contains("'mystery'"));
        Assert.Contains(errors, e => e.Contains("KEY=VALUE"));
        Assert.Contains(errors, e => e.Contains("--connections"));
        Assert.Contains(errors, e => e.Contains("'stray'"));
        Assert.Contains(errors, e => e.Contains("--frobnicate"));
    }

    [Fact]
    public void Bind_RateWithClosedModel_IsRefused()
    {
        var errors = new List<string>();

        Bind(errors, "run", "--model", "closed", "--rate", "100");

        Assert.Contains(errors, e => e.Contains("open model only"));
    }

    [Fact]
    public void Bind_GatewayArguments_BecomeConfigurationSwitches()
    {
        var errors = new List<string>();

        var options = Bind(errors, "side-by-side", "--gateway-arg", "Protection:Model:Path=/m/model.onnx", "--gateway-arg=Protection:Policies:default:BudgetMilliseconds=50");

        Assert.Empty(errors);
        Assert.Equal(["--Protection:Model:Path=/m/model.onnx", "--Protection:Policies:default:BudgetMilliseconds=50"], options.GatewayArguments);
    }

    [Fact]
    public void Bind_CpuLists_AreCheckedAndKept()
    {
        var errors = new List<string>();

        var options = Bind(errors, "side-by-side", "--gateway-cpus", "1-3", "--upstream-cpus", "0");
        Bind(errors, "side-by-side", "--gateway-cpus", "1-3;rm -rf /");

        Assert.Equal("1-3", options.GatewayCpus);
        Assert.Equal("0", options.UpstreamCpus);
        Assert.Equal("--gateway-cpus wants a CPU list such as 0-3 or 0,2, not '1-3;rm -rf /'", Assert.Single(errors));
    }

    [Fact]
    public void Bind_NoPlot_LeavesNoInterpreter()
    {
        var errors = new List<string>();

        var options = Bind(errors, "run", "--no-plot", "--python", "/opt/python");

        Assert.Null(options.Python);
    }

    private static LoadTestOptions Bind(List<string> errors, params string[] args)
    {
        var parsed = ArgumentList.Parse(args, LoadTestOptions.ValueOptionsWith("target", "targets", "gateway-arg", "gateway-cpus", "upstream-cpus"), LoadTestOptions.FlagOptions, errors);
        return LoadTestOptions.Bind(parsed, errors);
    }
}
