namespace Navo.Tools.Rendering;

/// <summary>Where a rendered page lives: links between pages start with <see cref="BasePath"/>.</summary>
/// <param name="BasePath">For example <c>/preview/{id}/v/3</c>, or <c>.</c> for links relative to the site's root; no trailing slash.</param>
/// <param name="FormAction">Where the contact form posts; null renders a form that posts nowhere (previews).</param>
/// <param name="ShowSample">
/// Previews show sample content, marked "Sample — replace with your own"; live pages leave every sample section and
/// item out (design.md section 4).
/// </param>
/// <param name="ImageBase">
/// Where images are fetched from: <c>{ImageBase}/{asset}/{width}.{webp|jpg}</c>. Live pages use <c>_navo/img</c>
/// (the copies published with the site); previews the project's authenticated library route.
/// </param>
/// <param name="Beacon">
/// The visit counter's script (<c>_navo/a.js</c>, relative like the form), loaded deferred by live pages; previews carry none.
/// </param>
public sealed record RenderOptions(string BasePath, string? FormAction = null, bool ShowSample = true, string ImageBase = "_navo/img", string? Beacon = null)
{
    /// <summary>
    /// Live pages: every link relative (<c>./</c>, <c>./menu</c>, <c>_navo/form</c>, <c>_navo/img/…</c>), so the same bytes serve the
    /// site at <c>/s/{slug}/</c>, at <c>{slug}.{domain}</c> and on the owner's own domain, under any slug.
    /// </summary>
    public static RenderOptions Live { get; } = new(".", "_navo/form", ShowSample: false, Beacon: "_navo/a.js");
}
