using AnyAscii;
using System.Text;

namespace Navo.Tools.Sites;

/// <summary>Short, stable, deterministic ids for sections ("s7f3a") and pages ("p2c1e").</summary>
public static class Ids
{
    /// <summary>A new id with <paramref name="prefix"/> not in <paramref name="taken"/>, derived from <paramref name="seed"/>.</summary>
    public static string Next(char prefix, string seed, ISet<string> taken)
    {
        for (var n = 0; ; n++)
        {
            var hash = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes($"{seed}:{n}"))
            {
                hash = (hash ^ b) * 16777619u;
            }

            var id = prefix + (hash & 0xfffff).ToString("x5", System.Globalization.CultureInfo.InvariantCulture);
            if (taken.Add(id))
            {
                return id;
            }
        }
    }

    /// <summary>Every section and page id of a site.</summary>
    public static HashSet<string> Taken(Site site) =>
        [.. site.Pages.Select(p => p.Id), .. site.Pages.SelectMany(p => p.Sections.Select(s => s.Id))];

    /// <summary>A page path from its title: "About us" -> "/about-us".</summary>
    public static string PathFor(string title, IEnumerable<string> takenPaths)
    {
        var slug = Slugs.From(title);
        var taken = new HashSet<string>(takenPaths, StringComparer.OrdinalIgnoreCase);
        var path = "/" + (slug.Length == 0 ? "page" : slug);
        for (var n = 2; taken.Contains(path); n++)
        {
            path = $"/{(slug.Length == 0 ? "page" : slug)}-{n}";
        }

        return path;
    }
}

/// <summary>URL-safe slugs: lower case ASCII letters, digits and single hyphens.</summary>
public static partial class Slugs
{
    /// <summary>
    /// The slug of a name: letters written in ASCII ("Café" is "cafe", "Tŷ" is "ty"), words joined by hyphens.
    /// </summary>
    public static string From(string text)
    {
        var builder = new StringBuilder();
        // Emoji are left out: transliterated, "👑" would be the word "crown" in the address.
        foreach (var c in Symbols().Replace(text, " ").Transliterate())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_' or '&' or '.' or '\'') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > MaxLength ? slug[..MaxLength].Trim('-') : slug;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{So}\p{Cs}\p{Sk}\uFE0F\u200D]+")]
    private static partial System.Text.RegularExpressions.Regex Symbols();

    /// <summary>The longest slug: the width of a site's address.</summary>
    public const int MaxLength = 60;

    /// <summary>Addresses Navo keeps for itself: no site takes them.</summary>
    public static bool IsReserved(string slug) => Reserved.Contains(slug);

    private static readonly HashSet<string> Reserved = new(
        ["admin", "api", "app", "assets", "auth", "health", "help", "login", "mail", "navo", "openapi", "preview", "s", "signin",
         "signup", "static", "status", "studio", "support", "widget", "www"],
        StringComparer.Ordinal);

    /// <summary>Why <paramref name="slug"/> cannot be a site's address, or null when it can.</summary>
    public static string? Problem(string? slug) => slug switch
    {
        null or { Length: 0 } => "Say which address the site should have, such as rosas-bakery.",
        { Length: < 3 or > MaxLength } => $"An address is 3 to {MaxLength} characters long.",
        _ when !IsWellFormed(slug) => "An address uses lower-case letters, digits and single hyphens, such as rosas-bakery.",
        _ when IsReserved(slug) => $"The address \"{slug}\" is reserved for Navo. Choose another.",
        _ => null,
    };

    private static bool IsWellFormed(string slug) =>
        slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal);
}
