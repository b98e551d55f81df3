namespace Gateway.LoadTests.Cli;

internal static class Usage
{
    public const string Text = """
        Gateway.LoadTests: load generator for the protection gateway (loopback targets only).

        Commands
          run --target URL [options]     drive a scenario against a running target (http://127.0.0.1:PORT or http://localhost:PORT)
          side-by-side [options]         start an upstream, then bare YARP, the gateway (in-process store) and the gateway
                                         (Redis, local redis-server) one after another; same scenario against each; ratios
                                         against bare YARP
          overload [options]             measure the in-process gateway's saturation (closed model), then drive bare YARP and
                                         the gateway with the open model at --factor times it; judge failed requests and the
                                         passed requests' decision time against --budget-ms + 1 ms
          redis-outage [options]         drive the Redis gateway (open model, 30 s unless --duration), kill its redis-server at
                                         --outage-at for --outage-for seconds (default: the middle third), then start it again;
                                         timeline of the store state (/readyz) and fail-open reasons next to latency
          login-sim [options]            seeded login simulation: legitimate users and attackers (stuffing, spraying,
                                         brute force) against the demo login through the gateway (started in-process,
                                         or --target URL); reports stopped shares per attack and legitimate challenged/blocked
          scenarios                      list the scenarios
          serve-upstream [--port N]      run the load-test upstream alone (200 for any GET, 401 for POST /login)

        Load options (run, side-by-side)
          --scenario NAME     browse | attacks | mixed | login-stuffing | flood              (mixed)
          --model MODEL       open: constant arrival rate, latency from the planned send time (open)
                              closed: N connections, each sends when the previous answered
          --rate R            open model: requests per second                               (200)
          --connections N     closed: connections (8); open: most requests in flight (256)
          --duration S        measured seconds, at most 3600                                (10)
          --warmup S          seconds sent first and not recorded                           (3)
          --requests N        also stop after N measured requests (0 = duration only)       (0)
          --clients N         simulated client addresses (X-Forwarded-For)                 (10000)
          --seed N            seeds every choice; same seed, same traffic                   (1)
          --timeout S         per-request timeout                                           (10)
          --data DIR          CSIC 2010 folder                           (../shared/data/csic2010 beside the repo)
          --out DIR           report folder                              (loadtests/results/<UTC time>-<command>-<scenario>)
          --python PATH       interpreter with matplotlib for latency.png                   (/usr/bin/python3)
          --no-plot           skip latency.png

        side-by-side, overload, redis-outage
          --targets LIST      side-by-side, overload: any of direct,bare-yarp,gateway-inprocess,gateway-redis
                              (side-by-side: all; overload: bare-yarp,gateway-inprocess; redis-outage: gateway-redis only)
          --gateway-arg K=V   extra gateway configuration, repeatable (e.g. Protection:Model:Path=/path/model.onnx)
          --gateway-cpus L    pin the gateway processes to CPUs L (taskset list, e.g. 2-3)
          --upstream-cpus L   pin the upstream process to CPUs L

        overload only
          --factor F          overload rate = F x measured saturation                       (2)
          --saturation-seconds S / --saturation-connections N   the closed-model saturation run (5 / 64)
          --rate R            skip the saturation run and drive R req/s
          --budget-ms B       the policy budget the decision time is judged against (overload, redis-outage) (20)

        redis-outage only
          --outage-at S       measured second at which redis-server is killed               (duration / 3)
          --outage-for S      seconds until it is started again (empty, same port)          (duration / 3)
        login-sim options
          --seed N            seeds the population and every choice                         (1)
          --users N           legitimate accounts that log in, at most 5000                 (1500)
          --stuffing N / --residential-stuffing N / --spraying N / --bruteforce N
                              attempts per attack                               (1500 / 400 / 400 / 200)
          --duration S        wall-clock seconds the simulated span is played in             (60)
          --target URL        a running gateway in front of the demo shop instead of an in-process one
          --gateway-arg K=V   extra configuration of the in-process gateway, repeatable
          --out DIR           report folder                  (loadtests/results/<UTC time>-login-sim-seed<N>)

        Reports: report.md, summary.csv, status.csv, decisions.csv, timeline.csv, comparison.csv (side by side), latency.png.
        Build in Release for figures: dotnet run -c Release --project loadtests/Gateway.LoadTests -- side-by-side
        """;
}
