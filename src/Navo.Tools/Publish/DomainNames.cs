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

        if (labels.Any(IsLookAlike))
        {
            return $"\"{input}\" mixes alphabets or imitates Latin letters, so it could pass for another "
                + "address: connect a domain written in one alphabet.";
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

    /// <summary>
    /// Cyrillic and Greek letters that look like Latin ones (Chromium's list for Cyrillic, the same idea for Greek): a
    /// label written only in them reads as a Latin name (<c>аррӏе</c>).
    /// </summary>
    private const string LatinLookAlikes = "асԁеһіјӏорԛѕԝхуъьҽпгѵѡαβγεικνορτυχ";

    /// <summary>
    /// Whether an internationalised label could pass for another name: it mixes Latin, Cyrillic and Greek letters
    /// (<c>rоsas</c> with a Cyrillic о), or it is written wholly in Cyrillic or Greek letters that look Latin. This is
    /// the part of Unicode's "highly restrictive" identifier profile (UTS #39) that browsers apply to the alphabets
    /// that can imitate each other; other scripts, alone or beside Latin, are names in their own right.
    /// </summary>
    private static bool IsLookAlike(string label)
    {
        if (!label.StartsWith("xn--", StringComparison.Ordinal))
        {
            return false;
        }

        char[] letters;
        try
        {
            letters = [.. Idn.GetUnicode(label).Where(char.IsLetter)];
        }
        catch (ArgumentException)
        {
            // "xn--" that decodes to nothing valid names nothing anyone can read: not a name to connect.
            return true;
        }

        var latin = letters.Any(c => char.IsAsciiLetter(c) || c is >= '\u00c0' and <= '\u024f' or >= '\u1e00' and <= '\u1eff');
        var cyrillic = letters.Any(c => c is >= '\u0400' and <= '\u052f');
        var greek = letters.Any(c => c is >= '\u0370' and <= '\u03ff' or >= '\u1f00' and <= '\u1fff');
        return (latin ? 1 : 0) + (cyrillic ? 1 : 0) + (greek ? 1 : 0) > 1
            || ((cyrillic || greek) && letters.All(c => LatinLookAlikes.Contains(c, StringComparison.Ordinal)));
    }
}
