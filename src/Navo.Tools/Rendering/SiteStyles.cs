using System.Text;
using Navo.Tools.Sites;

namespace Navo.Tools.Rendering;

/// <summary>
/// The stylesheet: theme variables computed so every text colour reaches 4.5:1 against what it sits on, in
/// light and dark mode; system font stacks only (no external request); responsive without a framework.
/// </summary>
public static class SiteStyles
{
    public sealed record Palette(string Background, string Surface, string Text, string Muted, string Accent, string OnAccent, string AccentFill);

    public static Palette PaletteFor(Theme theme)
    {
        var dark = theme.Mode == ThemeMode.Dark;
        var background = dark ? (15, 23, 42) : (255, 255, 255);
        var surface = dark ? (30, 41, 59) : (246, 247, 249);
        var text = dark ? (241, 245, 249) : (17, 24, 39);
        var muted = dark ? (203, 213, 225) : (75, 85, 99);
        if (!ColorMath.TryParse(theme.PrimaryColor, out var primary))
        {
            primary = (37, 99, 235);
        }

        // Accent text must read on both the page and the section surfaces.
        var accent = ColorMath.EnsureContrast(ColorMath.EnsureContrast(primary, background), surface);
        // Buttons: white text on the primary if it reads, else dark text, else darken the fill until white reads.
        var white = (255, 255, 255);
        var black = (17, 24, 39);
        var fill = primary;
        var onFill = ColorMath.Contrast(fill, white) >= 4.5 ? white : ColorMath.Contrast(fill, black) >= 4.5 ? black : white;
        if (ColorMath.Contrast(fill, onFill) < 4.5)
        {
            fill = ColorMath.EnsureContrast(fill, white);
        }

        return new Palette(ColorMath.ToHex(background), ColorMath.ToHex(surface), ColorMath.ToHex(text), ColorMath.ToHex(muted),
            ColorMath.ToHex(accent), ColorMath.ToHex(onFill), ColorMath.ToHex(fill));
    }

    public static string For(Theme theme)
    {
        var p = PaletteFor(theme);
        var font = theme.Font switch
        {
            ThemeFont.Serif => "Georgia,'Times New Roman',serif",
            ThemeFont.Mono => "ui-monospace,SFMono-Regular,Menlo,Consolas,monospace",
            ThemeFont.Rounded => "ui-rounded,'SF Pro Rounded','Nunito','Segoe UI',system-ui,sans-serif",
            _ => "system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif",
        };
        var radius = theme.Radius switch { ThemeRadius.None => "0", ThemeRadius.Large => "16px", _ => "6px" };
        return new StringBuilder()
            .Append(":root{")
            .Append($"--bg:{p.Background};--surface:{p.Surface};--text:{p.Text};--muted:{p.Muted};--accent:{p.Accent};")
            .Append($"--on-accent:{p.OnAccent};--accent-fill:{p.AccentFill};--radius:{radius};--font:{font}}}")
            .Append("*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}")
            .Append("body{margin:0;font-family:var(--font);background:var(--bg);color:var(--text);line-height:1.6}")
            .Append("a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid var(--accent);outline-offset:2px}")
            .Append(".jump{position:absolute;left:-999px}.jump:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}")
            .Append(".wrap{max-width:68rem;margin:0 auto;padding:0 1.25rem}")
            .Append("header.site{border-bottom:1px solid var(--surface)}header.site .wrap{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding-top:1rem;padding-bottom:1rem}")
            .Append(".brand{font-weight:700;color:var(--text);text-decoration:none;font-size:1.125rem;display:flex;align-items:center;gap:.625rem}")
            .Append("picture img{display:block;max-width:100%;height:auto;border-radius:var(--radius)}section picture img{margin:1.5rem 0 0;width:100%}")
            .Append(".card picture img{margin:0 0 .75rem}.brand picture img{height:2.5rem;width:auto;border-radius:0}")
            .Append("nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}nav a[aria-current]{font-weight:700}")
            .Append("section{padding:3.5rem 0}section:nth-of-type(even){background:var(--surface)}")
            .Append("h1{font-size:clamp(2rem,5vw,3.25rem);line-height:1.15;margin:0 0 1rem}h2{font-size:clamp(1.5rem,3vw,2rem);margin:0 0 1.5rem}h3{margin:0 0 .5rem;font-size:1.125rem}")
            .Append(".lead{font-size:1.25rem;color:var(--muted);max-width:40rem}.muted{color:var(--muted)}")
            .Append(".button{display:inline-block;background:var(--accent-fill);color:var(--on-accent);padding:.75rem 1.5rem;border-radius:var(--radius);text-decoration:none;font-weight:600;border:0;font:inherit;cursor:pointer}")
            .Append(".grid{display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));list-style:none;margin:0;padding:0}")
            .Append(".card{background:var(--bg);border:1px solid var(--surface);border-radius:var(--radius);padding:1.25rem}")
            .Append(".sample{border:2px dashed var(--muted)}.sample-note{display:inline-block;font-size:.875rem;color:var(--muted);border:1px dashed var(--muted);border-radius:var(--radius);padding:.125rem .5rem}")
            .Append("section:nth-of-type(even) .card{border-color:var(--bg)}")
            .Append(".price{font-size:2rem;font-weight:700;color:var(--accent)}.stat{font-size:2rem;font-weight:700;color:var(--accent);display:block}")
            .Append("figure{margin:0}figure svg{width:100%;height:auto;border-radius:var(--radius);display:block}figcaption{margin-top:.5rem;color:var(--muted)}")
            .Append("blockquote{margin:0}blockquote p{font-size:1.125rem}details{border-bottom:1px solid var(--surface);padding:.75rem 0}summary{cursor:pointer;font-weight:600}")
            .Append("form{display:grid;gap:.75rem;max-width:32rem}label{font-weight:600}input,textarea{font:inherit;padding:.625rem;border-radius:var(--radius);border:1px solid var(--muted);background:var(--bg);color:var(--text)}")
            .Append(".hours{border-collapse:collapse;font-variant-numeric:tabular-nums}.hours th,.hours td{text-align:left;padding:.5rem 1.5rem .5rem 0;border-bottom:1px solid var(--muted)}")
            .Append(".hp{position:absolute;left:-9999px}footer.site{padding:2rem 0;border-top:1px solid var(--surface);color:var(--muted)}")
            .Append("@media (max-width:40rem){section{padding:2.25rem 0}header.site .wrap{flex-direction:column;align-items:flex-start}}")
            .ToString();
    }
}
