using System.Globalization;
using System.Net;

namespace Navo.Tools.Publish;

/// <summary>
/// What counts as a domain an owner can connect: a public DNS name such as <c>www.rosas-bakery.com</c>, written in
/// ASCII (an internationalised name is converted), never an address, a local name or Navo's own sites domain.
/// </summary>
public static class DomainNames
{
    /// <summary>The most domains one site can answer on.</summary>
    public const int MaxPerSite = 5;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    private static readonly string[] LocalSuffixes = [".local", ".localhost", ".internal", ".arpa", ".home", ".lan"];

    /// <summary>
    /// Reads what the owner typed — <c>www.rosas.com</c>, <c>https://www.rosas.com/</c> — into a host name, or says
    /// why it cannot be one. <paramref name="sitesDomain"/> is Navo's own (<c>Navo:Sites:Domain</c>), if any.
    /// </summary>
    public static string? TryRead(string? text, string? sitesDomain, out string host)
    {
        host = string.Empty;
        var input = text?.Trim() ?? string.Empty;
        if (input.Length is 0 or > 300)
        {
            return "Say which domain to connect, such as www.rosas-bakery.com.";
        }

        if (input.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(input, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !uri.IsDefaultPort)
            {
                return "Write the domain alone, such as www.rosas-bakery.com.";
            }

            input = uri.Host;
        }

        input = input.TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(input, out _) || input.StartsWith('[') || input == "localhost")
        {
            return "Connect a domain name, not an address.";
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(input);
        }
        catch (ArgumentException)
        {
            return $"\"{input}\" is not a domain name. A domain looks like www.rosas-bakery.com.";
        }

        var labels = ascii.Split('.');
        if (ascii.Length > 253 || labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63) || labels[^1].All(char.IsAsciiDigit))
        {
            return $"\"{input}\" is not a domain name. A domain looks like www.rosas-bakery.com.";
        }

        if (LocalSuffixes.Any(suffix => ("." + ascii).EndsWith(suffix, StringComparison.Ordinal)))
        {
            return "That is a local name: connect a domain people can reach on the internet.";
        }

        if (!string.IsNullOrEmpty(sitesDomain) && (ascii == sitesDomain || ascii.EndsWith("." + sitesDomain, StringComparison.Ordinal)))
        {
            return $"Addresses under {sitesDomain} come with the site; connect a domain of your own.";
        }

        host = ascii;
        return null;
    }
}
