using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Navo.Channels;
using Navo.EventStore;
using Navo.Tools;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Host.Apis;

public static partial class ProjectsApi
{
    public sealed record GenerateRequest(string? Description, string? BusinessName, string? Industry)
    {
        public Dictionary<string, string[]> Validate()
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(Description))
            {
                errors["description"] = ["Describe the business in a sentence or two."];
            }
            else if (Description.Length > 4000)
            {
                errors["description"] = ["The description can be at most 4,000 characters."];
            }
            else if (TextChecks.HasHiddenCharacters(Description, allowLineBreaks: true))
            {
                errors["description"] = ["The description cannot contain control or text-direction characters."];
            }

            Check(errors, "businessName", BusinessName, 100, "The business name");
            Check(errors, "industry", Industry, 50, "The industry");
            return errors;
        }

        private static void Check(Dictionary<string, string[]> errors, string key, string? value, int max, string what)
        {
            if (value is null)
            {
                return;
            }

            if (value.Length > max)
            {
                errors[key] = [$"{what} can be at most {max} characters."];
            }
            else if (TextChecks.HasHiddenCharacters(value))
            {
                errors[key] = [$"{what} cannot contain control or text-direction characters."];
            }
        }
    }

    public sealed record EditRequest(JsonElement[]? Operations);

    public sealed record RevertRequest(long Version);

    public sealed record RollbackRequest(long? Version);

    public sealed record LiveResponse(long Version, string Slug, string Url);

    public sealed record PublishResponse(string Message, LiveResponse? Live);

    /// <summary>
    /// A project: <c>version</c> is the stream's (history, previews), <c>siteVersion</c> the document's (the ETag).
    /// <c>sampleLeftOut</c> says what the live site leaves out until the owner replaces it ("3 reviews and 4 answers"),
    /// and <c>named</c> whether the business has a name yet, so that publishing from the studio can say both first.
    /// </summary>
    public sealed record ProjectResponse(Guid Id, string Name, string Slug, long Version, long SiteVersion, Site? Site, bool Published)
    {
        public string? SampleLeftOut => Site is null ? null : SampleContent.LeftOut(Site);

        public bool Named => Site?.Name is { } name && name != Navo.Tools.Generate.BriefReader.PlaceholderName;

        public static ProjectResponse From(ProjectState project) =>
            new(project.Id, project.Name, project.Slug ?? project.Site?.Slug ?? Slugs.From(project.Name), project.Version, project.SiteVersion,
                project.Site, Published: project.Live is not null);
    }

    public sealed class ProjectServices
    {
        public required HttpContext HttpContext { get; init; }

        [FromServices]
        public required ProjectService Projects { get; init; }

        [FromServices]
        public required ITenantResolver Tenants { get; init; }

        public TenantContext Tenant => Tenants.Resolve(HttpContext);
    }
}
