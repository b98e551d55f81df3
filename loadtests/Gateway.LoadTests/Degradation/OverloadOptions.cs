using Gateway.LoadTests.Cli;

namespace Gateway.LoadTests.Degradation;

/// <summary>Options of <c>overload</c> on top of the common ones.</summary>
/// <param name="Rate">Open-model rate given with --rate; null: measure saturation first and use Factor × it.</param>
internal sealed record OverloadOptions(double? Rate, double Factor, double SaturationSeconds, int SaturationConnections, double BudgetMilliseconds)
{
    public static readonly string[] ValueOptions = ["factor", "saturation-seconds", "saturation-connections", "budget-ms"];

    public static OverloadOptions Bind(ArgumentList args, List<string> errors)
    {
        if (args.Value("model") is "closed")
        {
            errors.Add("overload drives the open model (a closed model cannot go past capacity); leave --model out");
        }
        double? rate = args.Has("rate") ? LoadTestOptions.Number(args, "rate", 0, 0.001, LoadTestOptions.MaxRate, errors) : null;
        return new OverloadOptions(
            rate,
            LoadTestOptions.Number(args, "factor", 2, 1, 100, errors),
            LoadTestOptions.Number(args, "saturation-seconds", 5, 1, 600, errors),
            LoadTestOptions.Integer(args, "saturation-connections", 64, 1, LoadTestOptions.MaxConnections, errors),
            LoadTestOptions.Number(args, "budget-ms", 20, 0.1, 10_000, errors));
    }
}
