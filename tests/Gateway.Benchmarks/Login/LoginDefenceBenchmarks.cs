using System.Text;
using BenchmarkDotNet.Attributes;
using Gateway.Scoring.Login;
using Gateway.Scoring.Pipeline;
using Gateway.Scoring.Policy;
using Gateway.Scoring.Signals;
using Microsoft.AspNetCore.Http;

namespace Gateway.Benchmarks.Login;

/// <summary>
/// What one login attempt costs on top of a request, with the bundled runtime and the in-process
/// login store: reading the username from the body prefix, the five entity reads and the
/// detectors, then learning the upstream's 401. Clients and usernames rotate, as in stuffing.
/// </summary>
[MemoryDiagnoser]
public class LoginDefenceBenchmarks
{
    private ProtectionRuntime _runtime = null!;
    private LoginDefence _login = null!;
    private LoginProfile _profile = null!;
    private CompiledPolicy _policy = null!;
    private RequestSignals[] _signals = null!;
    private byte[][] _bodies = null!;
    private DefaultHttpContext _context = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _runtime = BenchmarkAssets.CreateRuntime();
        _login = _runtime.Sources.Login ?? throw new InvalidOperationException("appsettings.json configures no login profile");
        _profile = new LoginProfile("form", new LoginProfileOptions());
        _policy = _runtime.Policies.Default;
        var clients = ClientAddresses.PublicIPv4(1024, 3);
        _signals = clients.Select(c =>
        {
            var ip = System.Net.IPAddress.Parse(c);
            return new RequestSignals { ClientIp = ip, Reputation = _runtime.Sources.Reputation.Lookup(ip), Geo = _runtime.Sources.Geo.Lookup(ip) };
        }).ToArray();
        _bodies = Enumerable.Range(0, 1024).Select(i => Encoding.ASCII.GetBytes($"username=user{i}%40mail.example&password=Summer2025%21")).ToArray();
        _context = new DefaultHttpContext();
        _context.Response.StatusCode = 401;
    }

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(Description = "login attempt: username, 5 entity reads, detectors, learn (in-process)")]
    public double AssessAndLearn()
    {
        var i = _next++ & 1023;
        var request = _context.Request;
        request.Method = "POST";
        request.ContentType = "application/x-www-form-urlencoded";
        request.ContentLength = _bodies[i].Length;
        request.Body = new MemoryStream(_bodies[i], writable: false);
        var attempt = _login.Begin(_profile, _signals[i]);
        var body = BodyPrefix.ReadAsync(request, _profile.Options.MaxBodyBytes);
        _login.AssessAsync(attempt, body, request, _policy).GetAwaiter().GetResult();
        body.Result.Dispose();
        _login.Learn(attempt, _context.Response);
        return attempt.Stuffing;
    }
}
