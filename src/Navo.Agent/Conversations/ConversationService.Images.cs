using System.Text.Json;
using Navo.Agent.Functions;
using Navo.Agent.Tools;
using Navo.EventStore;
using Navo.Tools.Assets;
using Navo.Tools.Projects;
using Navo.Tools.Sites;

namespace Navo.Agent.Conversations;

public sealed partial class ConversationService
{
    /// <summary>The places a photo can go, as the studio's chips offer them.</summary>
    public static readonly IReadOnlyList<string> PhotoPlaces = ["Main photo", "About section", "Gallery", "Logo"];

    /// <summary>
    /// A photo attached to a message: placed where the owner said (<see cref="ImagePlacement"/>) through <c>edit_site</c>'s
    /// <c>set_image</c>, so roles, events and the reply are those of any edit. Said nowhere, Navo asks where; said
    /// without what it shows, Navo asks that too (publishing waits for it), and the next answer with the same photo
    /// describes it.
    /// </summary>
    private async Task<(AgentResult Result, bool Pending)> PlacePhotoAsync(
        string asset, string text, ProjectState? project, TurnScope scope, string messageId, CancellationToken cancellationToken)
    {
        if (project?.Site is not { } site)
        {
            return (AgentResult.Say("Describe your business first, and I'll draft your site; then the photo can go on it."), false);
        }

        var (place, alt) = ImagePlacement.Read(text);
        Dictionary<string, object?> operation;
        if (place is null && ShownAt(site, asset) is { } shown)
        {
            // Already on the site: what the owner says now describes it.
            operation = shown;
            operation["alt"] = alt ?? Capitalised(text.Trim().TrimEnd('.', '!'));
        }
        else if (place is null)
        {
            return (AgentResult.Say("Where should this photo go: the main photo at the top, the about section, the gallery, or your logo?"), true);
        }
        else
        {
            operation = place == "logo" ? new Dictionary<string, object?> { ["logo"] = true } : new Dictionary<string, object?> { ["section"] = place };
            operation["image"] = asset;
            if (alt is not null)
            {
                operation["alt"] = alt;
            }
        }

        operation["op"] = "set_image";
        var record = await EditAsync(scope, "photo_" + messageId, operation, cancellationToken);
        var placedWithoutAlt = record.Status == ToolStatus.Ok && operation.ContainsKey("image") && !operation.ContainsKey("alt");
        var ask = placedWithoutAlt
            ? "\n\nWhat does the photo show? I'll say it for visitors who cannot see it, and the site can go live once it's said."
            : string.Empty;
        return (new AgentResult(record.Result.Message + ask, [record]), placedWithoutAlt || record.Status != ToolStatus.Ok);
    }

    /// <summary>
    /// "Use my logo's colours": the logo's main colour (<see cref="ImageProcessor.MainColour"/>) becomes the theme's,
    /// through <c>edit_site</c>'s <c>set_theme</c> like any colour the owner names; the renderer keeps text on it
    /// readable as it does for every colour.
    /// </summary>
    private async Task<AgentResult> ThemeFromLogoAsync(
        TenantContext tenant, ProjectState project, TurnScope scope, string messageId, CancellationToken cancellationToken)
    {
        if (project.Site?.Logo is not { } logo)
        {
            return AgentResult.Say("Your site has no logo yet. Drop it on the chat and say \"make this our logo\", and I'll take its colours.");
        }

        var smallest = assets is null ? null : (await assets.GetAsync(tenant, project.Id, logo.Asset, cancellationToken))?.Variants
            .Where(v => v.Name.EndsWith(".webp", StringComparison.Ordinal)).MinBy(v => v.Width);
        var bytes = smallest is null ? null : await assets!.ReadAsync(tenant, project.Id, logo.Asset, smallest.Name, cancellationToken);
        if (bytes is null || ImageProcessor.MainColour(bytes.Value.Bytes) is not { } colour)
        {
            return AgentResult.Say("Your logo has no colour I can take (it is black, white or grey), so I left the colours as they are.");
        }

        var operation = new Dictionary<string, object?> { ["op"] = "set_theme", ["primaryColor"] = colour };
        var record = await EditAsync(scope, "logo_" + messageId, operation, cancellationToken);
        return new AgentResult(record.Result.Message, [record]);
    }

    /// <summary>One <c>edit_site</c> operation through the turn's own tool, as if the model had asked for it.</summary>
    private Task<ToolCallRecord> EditAsync(
        TurnScope scope, string callId, Dictionary<string, object?> operation, CancellationToken cancellationToken) =>
        agent.InvokeAsync(scope, callId, ToolNames.EditSite,
            new Dictionary<string, object?> { ["operations"] = JsonSerializer.SerializeToElement(new[] { operation }) }, cancellationToken);

    /// <summary>Where the site shows <paramref name="asset"/>, as <c>set_image</c>'s place: the logo, a section, or an item of one.</summary>
    private static Dictionary<string, object?>? ShownAt(Site site, string asset) =>
        SiteImages.All(site).FirstOrDefault(p => p.Image.Asset == asset) switch
        {
            null => null,
            { SectionId: null } => new() { ["logo"] = true },
            var placed => new() { ["section"] = placed.SectionId, ["item"] = placed.Item },
        };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
