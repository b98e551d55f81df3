using System.Globalization;
using System.Net;
using Gateway.DemoUpstream;

namespace Gateway.LoadTests.LoginSim;

/// <summary>
/// Builds the seeded list of login attempts: the same seed and settings give the same attempts in
/// the same order. Times are fractions of the simulated span; the first quarter has legitimate
/// traffic only, so that users have a history (where they usually sign in from) before attacks begin.
/// </summary>
internal sealed class LoginSimPlanner
{
    /// <summary>Share of users per setting; the rest use a VPN on a hosting network.</summary>
    public const double HouseholdShare = 0.60, MobileShare = 0.20, OfficeShare = 0.17;
    /// <summary>History sessions fall in this first share of the span, before any attack.</summary>
    public const double HistoryShare = 0.2;

    public const double OneTypo = 0.08, TwoTypos = 0.015, Travel = 0.015, AppShare = 0.3;

    /// <summary>
    /// Of legitimate sessions: this share is on a device the user never signed in on (a new phone, a
    /// friend's computer), without a device cookie. Of residential-proxy stuffing attempts: this share
    /// replays a device cookie stolen from some user's device (it names that user only).
    /// </summary>
    public const double NewDeviceShare = 0.05, StolenCookieShare = 0.1;

    /// <summary>Of stuffed credentials: this share names no account; then wrong passwords of real accounts; the rest are right.</summary>
    public const double UnknownAccountShare = 0.74, ReusedPasswordShare = 0.01;

    private static readonly string[] Domains = ["mail.example", "inbox.example", "post.example", "web.example"];
    private static readonly string[] Sprayed = ["Spring2025!", "Password1", "Welcome123", "Qwerty123!", "Company2025"];

    private readonly LoginSimSettings _settings;
    private readonly NetworkCatalog _catalog;
    private readonly Random _random;

    /// <summary>Draws the history sessions apart, so that adding them left every other draw of a seed as it was.</summary>
    private readonly Random _historyRandom;

    /// <summary>Draws devices apart, for the same reason: a seed's networks and credentials stay as they were.</summary>
    private readonly Random _deviceRandom;
    private readonly List<string> _userDevices = [];
    private readonly List<LoginEvent> _events = [];
    private readonly IReadOnlyList<uint> _residential;
    private readonly IReadOnlyList<uint> _mobile;
    private readonly IReadOnlyList<uint> _hosting;

    private LoginSimPlanner(LoginSimSettings settings, NetworkCatalog catalog)
    {
        _settings = settings;
        _catalog = catalog;
        _random = new Random(settings.Seed);
        _historyRandom = new Random(unchecked((settings.Seed * 7919) + 17));
        _deviceRandom = new Random(unchecked((settings.Seed * 104_729) + 31));
        _residential = catalog.Available(KnownNetworks.Residential, 3);
        _mobile = catalog.Available(KnownNetworks.Mobile, 3);
        _hosting = catalog.Available(KnownNetworks.Hosting, 3);
        if (_residential.Count < 4 || _mobile.Count < 1 || _hosting.Count < 8)
        {
            throw new LoadTestException(
                $"the GeoIP sample found too few networks (residential {_residential.Count}, mobile {_mobile.Count}, hosting {_hosting.Count}); raise the sample size");
        }
    }

    public static IReadOnlyList<LoginEvent> Plan(LoginSimSettings settings, NetworkCatalog catalog)
    {
        if (settings.Users is < 1 or > DemoUsers.GeneratedCount)
        {
            throw new LoadTestException($"users must be between 1 and {DemoUsers.GeneratedCount}");
        }
        var planner = new LoginSimPlanner(settings, catalog);
        planner.Legitimate();
        planner.Stuffing(ActorKind.Stuffing, settings.StuffingAttempts, 0.40, 0.70);
        planner.Stuffing(ActorKind.ResidentialStuffing, settings.ResidentialStuffingAttempts, 0.45, 0.75);
        planner.Spraying(settings.SprayingAttempts, 0.30, 1.0);
        planner.BruteForce(settings.BruteForceAttempts, 0.55, 0.62);
        // Stable: attempts planned for the same instant keep their planned order (a typo before its fix).
        return [.. planner._events.OrderBy(e => e.At)];
    }

    private void Legitimate()
    {
        IPAddress? household = null;
        var householdDevice = "";
        IPAddress? office = null;
        var officeSeats = 0;
        for (var user = 1; user <= _settings.Users; user++)
        {
            var username = DemoUsers.GeneratedUsername(user);
            var password = DemoUsers.GeneratedPassword(user);
            var json = _random.NextDouble() < AppShare;
            var roll = _random.NextDouble();
            string setting;
            uint homeAsn;
            IPAddress? fixedAddress = null;
            // The device the user signs in on and carries when travelling (a laptop, a phone).
            var device = $"u{user}";
            if (roll < HouseholdShare)
            {
                setting = "household";
                // A quarter of households have a second account behind the same address, signed in
                // on the family's computer.
                if (household is null || _random.NextDouble() >= 0.25)
                {
                    household = ResidentialHost(out _);
                    householdDevice = device;
                }
                else
                {
                    device = householdDevice;
                }
                fixedAddress = household;
                homeAsn = _catalog.Describe(household).Asn;
            }
            else if (roll < HouseholdShare + MobileShare)
            {
                setting = "mobile";
                homeAsn = _mobile[_random.Next(_mobile.Count)];
            }
            else if (roll < HouseholdShare + MobileShare + OfficeShare)
            {
                setting = "office";
                if (office is null || officeSeats == 0)
                {
                    office = ResidentialHost(out _);
                    officeSeats = _random.Next(4, 13);
                }
                officeSeats--;
                fixedAddress = office;
                homeAsn = _catalog.Describe(office).Asn;
            }
            else
            {
                setting = "vpn";
                homeAsn = _hosting[_random.Next(_hosting.Count)];
                fixedAddress = Host(homeAsn);
            }

            if (!_userDevices.Contains(device))
            {
                _userDevices.Add(device);
            }

            // Every user signed in before from where they usually do (a mobile user: their carrier),
            // on their device: it holds a device cookie from then on.
            Add(HistoryShare * _historyRandom.NextDouble(), ActorKind.History, 0, fixedAddress ?? Host(homeAsn, _historyRandom),
                username, password, json, setting, device);

            var sessions = 1 + (_random.NextDouble() < 0.5 ? 1 : 0) + (_random.NextDouble() < 0.15 ? 1 : 0);
            for (var s = 0; s < sessions; s++)
            {
                var at = _random.NextDouble();
                var sessionSetting = setting;
                IPAddress address;
                if (_random.NextDouble() < Travel)
                {
                    sessionSetting = "travel";
                    address = ResidentialHost(out _, avoid: homeAsn);
                }
                else
                {
                    // Mobile users get a new address of their carrier every session.
                    address = fixedAddress ?? Host(homeAsn);
                }
                var sessionDevice = _deviceRandom.NextDouble() < NewDeviceShare ? $"u{user}-new{s}" : device;
                var typo = _random.NextDouble();
                var typos = typo < TwoTypos ? 2 : typo < TwoTypos + OneTypo ? 1 : 0;
                for (var t = 0; t < typos; t++)
                {
                    Add(at, ActorKind.Legitimate, 0, address, username, Mistype(password), json, sessionSetting, sessionDevice);
                }
                Add(at, ActorKind.Legitimate, 0, address, username, password, json, sessionSetting, sessionDevice);
            }
        }
    }

    private void Stuffing(ActorKind actor, int attempts, double from, double to)
    {
        var residential = actor == ActorKind.ResidentialStuffing;
        // A rented proxy pool: a few hosting providers, a few blocks each.
        var pool = new List<(uint Block, uint Asn)>();
        if (!residential)
        {
            foreach (var asn in Pick(_hosting, 8))
            {
                foreach (var block in Pick(_catalog.Blocks(asn), 6))
                {
                    pool.Add((block, asn));
                }
            }
        }
        IPAddress? proxy = null;
        var uses = 0;
        for (var i = 0; i < attempts; i++)
        {
            if (uses == 0)
            {
                if (residential)
                {
                    proxy = ResidentialHost(out _);
                    uses = _random.Next(1, 3);
                }
                else
                {
                    var (block, asn) = pool[_random.Next(pool.Count)];
                    proxy = _catalog.Host(block, asn, _random) ?? Host(asn);
                    uses = _random.Next(1, 5);
                }
            }
            uses--;
            var (username, password) = StuffedCredential(i);
            var stolen = residential && _deviceRandom.NextDouble() < StolenCookieShare
                ? _userDevices[_deviceRandom.Next(_userDevices.Count)]
                : "";
            Add(Spread(from, to, i, attempts), actor, i, proxy!, username, password, _random.NextDouble() < 0.8, device: stolen);
        }
    }

    private (string Username, string Password) StuffedCredential(int i)
    {
        var roll = _random.NextDouble();
        if (roll < UnknownAccountShare)
        {
            return ($"{Word()}.{_random.Next(100, 99_999)}@{Domains[_random.Next(Domains.Length)]}", $"{Word()}{_random.Next(10, 9999)}");
        }
        var account = _random.Next(1, DemoUsers.GeneratedCount + 1);
        return roll < 1 - ReusedPasswordShare
            ? (DemoUsers.GeneratedUsername(account), "old-" + _random.Next().ToString("x", CultureInfo.InvariantCulture))
            : (DemoUsers.GeneratedUsername(account), DemoUsers.GeneratedPassword(account));
    }

    private void Spraying(int attempts, double from, double to)
    {
        // A handful of servers in two blocks of one provider, each trying a few accounts slowly.
        var asn = _hosting[_random.Next(_hosting.Count)];
        var servers = new List<IPAddress>();
        foreach (var block in Pick(_catalog.Blocks(asn), 2))
        {
            for (var s = 0; s < 3; s++)
            {
                servers.Add(_catalog.Host(block, asn, _random) ?? Host(asn));
            }
        }
        var accounts = Math.Max(1, attempts / Sprayed.Length);
        var usernames = new string[accounts];
        for (var a = 0; a < accounts; a++)
        {
            usernames[a] = _random.NextDouble() < 0.7
                ? DemoUsers.GeneratedUsername(_random.Next(1, DemoUsers.GeneratedCount + 1))
                : $"{Word()}@{Domains[0]}";
        }
        for (var i = 0; i < attempts; i++)
        {
            Add(Spread(from, to, i, attempts), ActorKind.Spraying, i, servers[i % servers.Count],
                usernames[i % accounts], Sprayed[(i / accounts) % Sprayed.Length], json: false);
        }
    }

    private void BruteForce(int attempts, double from, double to)
    {
        // One real account of the population, from one compromised home router.
        var victim = _random.Next(1, _settings.Users + 1);
        var address = ResidentialHost(out _);
        for (var i = 0; i < attempts; i++)
        {
            Add(Spread(from, to, i, attempts), ActorKind.BruteForce, i, address, DemoUsers.GeneratedUsername(victim),
                $"{Word()}{i}", json: true);
        }
    }

    private void Add(double at, ActorKind actor, int index, IPAddress client, string username, string password, bool json,
        string setting = "", string device = "") =>
        _events.Add(new LoginEvent(at, actor, index, client, username, password, json, setting, device));

    /// <summary>Evenly over [from, to) with a little jitter, keeping the campaign's order.</summary>
    private double Spread(double from, double to, int i, int count) =>
        from + ((to - from) * (i + (0.5 * _random.NextDouble())) / Math.Max(1, count));

    private IPAddress ResidentialHost(out uint asn, uint avoid = 0)
    {
        do
        {
            asn = _residential[_random.Next(_residential.Count)];
        }
        while (asn == avoid);
        return Host(asn);
    }

    /// <summary>A clean host of the ASN (blocks are tried until one yields a host).</summary>
    private IPAddress Host(uint asn, Random? random = null)
    {
        random ??= _random;
        var blocks = _catalog.Blocks(asn);
        for (var attempt = 0; attempt < 64; attempt++)
        {
            if (_catalog.Host(blocks[random.Next(blocks.Count)], asn, random) is { } address)
            {
                return address;
            }
        }
        throw new LoadTestException($"no clean address found in AS{asn}");
    }

    private List<T> Pick<T>(IReadOnlyList<T> items, int count)
    {
        var copy = items.ToList();
        for (var i = copy.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy.Take(count).ToList();
    }

    private string Word()
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        Span<char> word = stackalloc char[_random.Next(4, 9)];
        for (var i = 0; i < word.Length; i++)
        {
            word[i] = letters[_random.Next(letters.Length)];
        }
        return new string(word);
    }

    /// <summary>A plausible typo: two neighbouring characters swapped, or one dropped.</summary>
    private string Mistype(string password)
    {
        var at = _random.Next(password.Length - 1);
        if (_random.NextDouble() < 0.5 && password[at] != password[at + 1])
        {
            var chars = password.ToCharArray();
            (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
            return new string(chars);
        }
        return password.Remove(at, 1);
    }
}
