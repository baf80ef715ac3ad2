using System.Text.Json;
using System.Text.Json.Nodes;
using Navo.Tools.Sites;
using Navo.Testing;

namespace Navo.Tools.Tests;

public sealed class SiteSchemaTests
{
    [Fact]
    public void The_published_schema_matches_the_model()
    {
        var published = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "site-schema.json"));
        published.Should().Be(SiteSchema.Json(), "docs/site-schema.json is regenerated with: dotnet run --project src/Navo.Host -- schema > docs/site-schema.json");
    }

    [Fact]
    public void The_schema_names_every_section_type_with_its_limits()
    {
        var schema = SiteSchema.Build();
        var sections = schema["properties"]!["pages"]!["items"]!["properties"]!["sections"]!["items"]!["oneOf"]!.AsArray();

        sections.Select(s => s!["properties"]!["type"]!["const"]!.GetValue<string>()).Should().Equal(SectionCatalog.All.Select(s => s.Type));
        var hero = sections.Single(s => s!["title"]!.GetValue<string>() == "hero")!;
        hero["properties"]!["fields"]!["properties"]!["headline"]!["maxLength"]!.GetValue<int>().Should().Be(200);
        schema["properties"]!["pages"]!["maxItems"]!.GetValue<int>().Should().Be(20);
    }

    [Fact]
    public void A_drafted_site_has_only_properties_the_schema_allows()
    {
        var site = JsonNode.Parse(JsonSerializer.Serialize(SampleSites.Bakery().Site, new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
        var allowed = SiteSchema.Build()["properties"]!.AsObject().Select(p => p.Key);

        site.AsObject().Select(p => p.Key).Should().BeEquivalentTo(allowed.Where(p => p != "logo"), "a draft has no logo until the owner uploads one");
        site["theme"]!["mode"]!.GetValue<string>().Should().BeOneOf("light", "dark");
    }
}
