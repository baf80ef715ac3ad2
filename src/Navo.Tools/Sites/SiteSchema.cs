using System.Text.Json;
using System.Text.Json.Nodes;

namespace Navo.Tools.Sites;

/// <summary>
/// The site model as JSON Schema (draft 2020-12), built from <see cref="SectionCatalog"/> so the limits and
/// section types cannot drift from the code. Kept in <c>docs/site-schema.json</c>; a model-backed generator
/// validates its JSON against it.
/// </summary>
public static class SiteSchema
{
    public static string Json() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    public static JsonObject Build()
    {
        var sections = new JsonArray([.. SectionCatalog.All.Select(SectionSchema)]);
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://navo.local/schemas/site.json",
            ["title"] = "Navo site",
            ["type"] = "object",
            ["required"] = Names("name", "slug", "theme", "seo", "pages"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["name"] = Text(200),
                ["slug"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$", ["maxLength"] = 60 },
                ["theme"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = Names("mode", "primaryColor", "font", "radius"),
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["mode"] = Enum("light", "dark"),
                        ["primaryColor"] = new JsonObject { ["type"] = "string", ["pattern"] = "^#[0-9a-fA-F]{6}$" },
                        ["font"] = Enum("sans", "serif", "mono", "rounded"),
                        ["radius"] = Enum("none", "small", "large"),
                    },
                },
                ["seo"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = Names("title", "description"),
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject { ["title"] = Text(200), ["description"] = Text(SectionCatalog.MaxFieldLength) },
                },
                ["logo"] = Image(),
                ["pages"] = new JsonObject
                {
                    ["type"] = "array",
                    ["minItems"] = 1,
                    ["maxItems"] = SectionCatalog.MaxPages,
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = Names("id", "title", "path", "sections"),
                        ["additionalProperties"] = false,
                        ["properties"] = new JsonObject
                        {
                            ["id"] = Text(20),
                            ["title"] = Text(200),
                            ["path"] = new JsonObject { ["type"] = "string", ["pattern"] = "^/([a-z0-9-]+)?$" },
                            ["sections"] = new JsonObject
                            {
                                ["type"] = "array",
                                ["maxItems"] = SectionCatalog.MaxSectionsPerPage,
                                ["items"] = new JsonObject { ["oneOf"] = sections },
                            },
                        },
                    },
                },
            },
        };
    }

    private static JsonObject SectionSchema(SectionSpec spec)
    {
        var fields = new JsonObject();
        foreach (var field in spec.Fields)
        {
            fields[field] = Text(SectionCatalog.MaxLength(field));
        }

        var itemFields = new JsonObject();
        foreach (var field in spec.ItemFields)
        {
            itemFields[field] = SectionCatalog.IsTime(field)
                ? new JsonObject { ["type"] = "string", ["pattern"] = "^([01][0-9]|2[0-3]):[0-5][0-9]$" }
                : Text(SectionCatalog.MaxLength(field));
        }

        if (spec.ItemsHaveFeatures)
        {
            itemFields["features"] = new JsonObject { ["type"] = "array", ["maxItems"] = SectionCatalog.MaxItemsPerSection, ["items"] = Text(SectionCatalog.MaxFieldLength) };
        }

        itemFields["sample"] = new JsonObject { ["type"] = "boolean" };
        if (spec.Type is "gallery" or "team")
        {
            itemFields["image"] = Image();
        }

        var properties = new JsonObject
        {
            ["id"] = Text(20),
            ["type"] = new JsonObject { ["const"] = spec.Type },
            ["fields"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = fields },
            ["sample"] = new JsonObject { ["type"] = "boolean" },
            ["items"] = new JsonObject
            {
                ["type"] = "array",
                ["maxItems"] = spec.HasItems ? SectionCatalog.MaxItemsPerSection : 0,
                ["items"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = itemFields },
            },
        };
        if (spec.Type is "hero" or "about")
        {
            properties["image"] = Image();
        }

        return new JsonObject
        {
            ["title"] = spec.Type,
            ["type"] = "object",
            ["required"] = Names("id", "type", "fields", "items"),
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    /// <summary>An uploaded image placed on the site: its asset id (content hash), alt text and oriented size.</summary>
    private static JsonObject Image() => new()
    {
        ["type"] = "object",
        ["required"] = Names("asset", "alt", "width", "height"),
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            ["asset"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9a-f]{64}$" },
            ["alt"] = Text(ImageRef.MaxAltLength),
            ["width"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
            ["height"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
        },
    };

    private static JsonObject Text(int maxLength) => new() { ["type"] = "string", ["maxLength"] = maxLength };

    private static JsonObject Enum(params string[] values) => new() { ["enum"] = Names(values) };

    private static JsonArray Names(params string[] names) => new([.. names.Select(n => (JsonNode)JsonValue.Create(n))]);
}
