using System.Text.Json.Nodes;
using Navo.Agent.Tools;
using Navo.Testing;

namespace Navo.Agent.Tests;

public sealed class ToolSchemaTests
{
    [Fact]
    public void The_published_tool_schemas_match_the_code()
    {
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "tools.json")).Should().Be(
            NavoTools.SchemasJson(), "docs/tools.json is regenerated with: dotnet run --project src/Navo.Host -- tools > docs/tools.json");
    }

    [Fact]
    public void The_tools_have_design_md_names_and_edit_operations_are_told_apart_by_op()
    {
        var schemas = JsonNode.Parse(NavoTools.SchemasJson())!.AsObject();

        schemas.Select(s => s.Key).Should().Equal("generate_site", "edit_site", "show_history", "list_projects", "open_project", "delete_project", "publish_site", "analyze_site", "apply_suggestion", "dismiss_suggestion", "start_experiment", "conclude_experiment", "show_leads", "help");
        schemas["edit_site"]!["parameters"]!.ToJsonString().Should().Contain("\"op\"").And.Contain("set_text").And.Contain("remove_page").And.Contain("set_name").And.Contain("set_hours").And.Contain("set_image");
    }
}
