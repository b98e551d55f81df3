using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Gateway.LoadTests.Targets;

/// <summary>
/// The generator only ever talks to this machine. A target must be <c>http://</c> with host
/// <c>localhost</c> or a loopback literal (127.0.0.0/8, ::1); anything else is refused before a
/// request is built. Connections are made by <see cref="ConnectAsync"/>, which checks the resolved
/// address again, so a hosts-file entry cannot send load elsewhere either.
/// </summary>
internal static class LoopbackTarget
{
    /// <returns>Null when <paramref name="text"/> is acceptable; otherwise why not.</returns>
    public static string? Validate(string? text, out Uri? target)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "no target given";
        }
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
        {
            return $"'{text}' is not an absolute URL";
        }
        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            return $"'{text}': only http:// targets are supported";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return $"'{text}': credentials in the URL are not supported";
        }
        if (!IsLoopbackHost(uri.Host))
        {
            return $"'{text}': refused, the load generator only targets this machine (localhost, 127.0.0.1 or ::1), not '{uri.Host}'";
        }
        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return $"'{text}': give the base address only (scheme, host, port); scenarios choose the paths";
        }
        target = uri;
        return null;
    }

    public static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) && IsLoopback(address);
    }

    public static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address) || (address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4()));

    /// <summary><see cref="SocketsHttpHandler.ConnectCallback"/>: connects only to a loopback address.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        IPAddress? chosen = null;
        foreach (var address in addresses)
        {
            if (IsLoopback(address))
            {
                chosen = address;
                break;
            }
        }
        if (chosen is null)
        {
            throw new HttpRequestException($"refused: {endpoint.Host} does not resolve to a loopback address");
        }
        var socket = new Socket(chosen.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(chosen, endpoint.Port), cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
