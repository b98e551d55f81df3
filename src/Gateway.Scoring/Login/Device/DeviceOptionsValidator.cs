using Gateway.Scoring.Configuration;

namespace Gateway.Scoring.Login.Device;

/// <summary>Checks <c>Protection:Login:Device</c>, every problem with its key.</summary>
internal static class DeviceOptionsValidator
{
    public static void Validate(DeviceOptions o, string section, ConfigurationErrors errors)
    {
        if (string.IsNullOrEmpty(o.CookieName) || !IsToken(o.CookieName))
        {
            errors.Add($"{section}:CookieName", "must be a cookie name: letters, digits, '-', '_' and '.' only.");
        }
        if (o.LifetimeDays is < 1 or > 400)
        {
            errors.Add($"{section}:LifetimeDays", $"must be between 1 and 400 (browsers cap cookies at 400 days; is {o.LifetimeDays})");
        }
        if (o.MaxUsernames is < 1 or > DeviceCookie.MaxTags)
        {
            errors.Add($"{section}:MaxUsernames", $"must be between 1 and {DeviceCookie.MaxTags} (is {o.MaxUsernames})");
        }
    }

    private static bool IsToken(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }
        return true;
    }
}
