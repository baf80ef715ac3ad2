using System.Text.Json;

namespace Navo.Host.Tests.Support;

/// <summary>The evaluation's checks on a project and its site document; each returns null when it holds, else what was found.</summary>
public static class SiteChecks
{
    public static string? Check(JsonElement expect, JsonElement project, JsonElement site)
    {
        var sections = site.GetProperty("pages").EnumerateArray().SelectMany(p => p.GetProperty("sections").EnumerateArray()).ToList();
        if (expect.TryGetProperty("theme", out var theme))
        {
            var wrong = theme.EnumerateObject().Where(t => !string.Equals(site.GetProperty("theme").GetProperty(t.Name).GetString(), t.Value.GetString(), StringComparison.OrdinalIgnoreCase)).Select(t => t.Name).ToList();
            return wrong.Count == 0 ? null : $"theme {site.GetProperty("theme")}";
        }

        if (expect.TryGetProperty("name", out var name))
        {
            return site.GetProperty("name").GetString() == name.GetString() ? null : $"the name is \"{site.GetProperty("name").GetString()}\"";
        }

        if (expect.TryGetProperty("published", out var published))
        {
            return project.GetProperty("published").GetBoolean() == published.GetBoolean() ? null : $"published is {project.GetProperty("published").GetBoolean()}";
        }

        if (expect.TryGetProperty("siteContains", out var text) || expect.TryGetProperty("draftAbout", out text))
        {
            return site.GetRawText().Contains(text.GetString()!, StringComparison.OrdinalIgnoreCase) || Unescaped(site).Contains(text.GetString()!, StringComparison.OrdinalIgnoreCase)
                ? null : $"the site does not mention \"{text.GetString()}\"";
        }

        if (expect.TryGetProperty("page", out var page))
        {
            var present = site.GetProperty("pages").EnumerateArray().Any(p => string.Equals(p.GetProperty("title").GetString(), page.GetString(), StringComparison.OrdinalIgnoreCase));
            return present == expect.GetProperty("present").GetBoolean() ? null : $"page \"{page.GetString()}\" present is {present}";
        }

        if (expect.TryGetProperty("order", out var order))
        {
            var home = site.GetProperty("pages")[0].GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("type").GetString()).ToList();
            var at = order.EnumerateArray().Select(t => home.IndexOf(t.GetString())).ToList();
            return at.All(i => i >= 0) && at.Zip(at.Skip(1)).All(x => x.First < x.Second) ? null : $"the order is {string.Join(", ", home)}";
        }

        if (expect.TryGetProperty("hours", out var hours))
        {
            var rows = sections.Where(s => s.GetProperty("type").GetString() == "hours").SelectMany(s => s.GetProperty("items").EnumerateArray()).ToList();
            var missing = hours.EnumerateArray().Where(h => !rows.Any(r => h.EnumerateObject().All(f => r.TryGetProperty(f.Name, out var v) && v.GetString() == f.Value.GetString()))).ToList();
            return missing.Count == 0 ? null : $"hours are [{string.Join("; ", rows.Select(r => r.GetRawText()))}]";
        }

        if (expect.TryGetProperty("section", out var type))
        {
            return Section(expect, sections.Where(s => s.GetProperty("type").GetString() == type.GetString()).ToList(), type.GetString()!);
        }

        return $"an unknown check {expect.GetRawText()}";
    }

    private static string? Section(JsonElement expect, List<JsonElement> matching, string type)
    {
        if (expect.TryGetProperty("present", out var present))
        {
            return (matching.Count > 0) == present.GetBoolean() ? null : $"{type} present is {matching.Count > 0}";
        }

        if (matching.Count == 0)
        {
            return $"there is no {type} section";
        }

        if (expect.TryGetProperty("itemCount", out var count))
        {
            return matching.Any(s => s.GetProperty("items").GetArrayLength() == count.GetInt32()) ? null : $"{type} has {matching[0].GetProperty("items").GetArrayLength()} items";
        }

        var field = expect.GetProperty("field").GetString()!;
        var values = matching.Select(s => expect.TryGetProperty("item", out var item)
            ? (s.GetProperty("items").GetArrayLength() > item.GetInt32() && s.GetProperty("items")[item.GetInt32()].TryGetProperty(field, out var v) ? v.GetString() : null)
            : (s.GetProperty("fields").TryGetProperty(field, out var f) ? f.GetString() : null)).ToList();
        var holds = expect.TryGetProperty("equals", out var equals)
            ? values.Contains(equals.GetString())
            : values.Any(v => v?.Contains(expect.GetProperty("contains").GetString()!, StringComparison.OrdinalIgnoreCase) == true);
        return holds ? null : $"{type}.{field} is \"{string.Join("\" / \"", values)}\"";
    }

    private static string Unescaped(JsonElement site) => JsonSerializer.Serialize(site, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
