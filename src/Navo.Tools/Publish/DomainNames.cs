using System.Globalization;
using System.Net;
using System.Text.Unicode;

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

        input = Narrow(input).TrimEnd('.').ToLowerInvariant();
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
    /// Full-width letters, digits and dots (<c>ｒｏｓａｓ。ｃｏｍ</c>) as the plain ASCII they are wide forms of, as browsers
    /// map them (UTS #46): they name the same domain, so they are read as it. (The host runs without ICU, so
    /// <c>IdnMapping</c> and <c>Normalize</c> do not make this mapping themselves.)
    /// </summary>
    private static string Narrow(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= '\uff01' and <= '\uff5e' => (char)(c - 0xfee0),
                '\u3002' or '\uff61' => '.',
                _ => c,
            };
        }
    });

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

        string name;
        try
        {
            name = Idn.GetUnicode(label);
        }
        catch (ArgumentException)
        {
            // "xn--" that decodes to nothing valid names nothing anyone can read: not a name to connect.
            return true;
        }

        if (name.Any(c => char.IsSurrogate(c) || In(c, UnicodeRanges.LetterlikeSymbols) || In(c, UnicodeRanges.EnclosedAlphanumerics)
            || In(c, UnicodeRanges.SuperscriptsandSubscripts) || In(c, UnicodeRanges.HalfwidthandFullwidthForms)))
        {
            // Letters made to look like other letters (ℜ, ⓡ, ᵣ, 𝐫): never a name in their own right.
            return true;
        }

        var letters = name.Where(char.IsLetter).ToArray();
        var latin = letters.Any(c => char.IsAsciiLetter(c) || In(c, UnicodeRanges.Latin1Supplement) || In(c, UnicodeRanges.LatinExtendedA)
            || In(c, UnicodeRanges.LatinExtendedB) || In(c, UnicodeRanges.LatinExtendedAdditional));
        var cyrillic = letters.Any(c => In(c, UnicodeRanges.Cyrillic) || In(c, UnicodeRanges.CyrillicSupplement));
        var greek = letters.Any(c => In(c, UnicodeRanges.GreekandCoptic) || In(c, UnicodeRanges.GreekExtended));
        return (latin ? 1 : 0) + (cyrillic ? 1 : 0) + (greek ? 1 : 0) > 1
            || ((cyrillic || greek) && letters.All(c => LatinLookAlikes.Contains(c, StringComparison.Ordinal)));
    }

    private static bool In(char c, UnicodeRange range) => c >= range.FirstCodePoint && c < range.FirstCodePoint + range.Length;
}
