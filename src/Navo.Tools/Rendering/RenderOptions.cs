namespace Navo.Tools.Rendering;

/// <summary>Where a rendered page lives: links between pages start with <see cref="BasePath"/>.</summary>
/// <param name="BasePath">For example <c>/preview/{id}/v/3</c> or <c>/s/rosas-bakery</c>; no trailing slash.</param>
/// <param name="FormAction">Where the contact form posts; null renders a form that posts nowhere (previews).</param>
public sealed record RenderOptions(string BasePath, string? FormAction = null);
