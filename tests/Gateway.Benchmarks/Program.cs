using BenchmarkDotNet.Running;
using Gateway.Benchmarks;

// --quick: a short in-process smoke run; anything else goes to BenchmarkDotNet (e.g. --filter '*Model*').
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToList();
if (!rest.Contains("--filter") && !rest.Contains("--list") && !rest.Any(a => a.StartsWith("--filter=", StringComparison.Ordinal)))
{
    // Without a filter BenchmarkDotNet asks interactively; run everything instead.
    rest.AddRange(["--filter", "*"]);
}
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkAssets).Assembly)
    .Run([.. rest], quick ? BenchmarkConfigs.Quick() : BenchmarkConfigs.Full());
