using Navo.Tools.Edit;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    private Plan ThemeMode(Utterance u)
    {
        // "way too bright" wants dark; "too dark, switch back" wants light.
        var dark = u.Has(_lexicon.Words("mode.too-light")) || (!u.Has(_lexicon.Words("mode.too-dark")) && u.Has(_lexicon.Words("mode.dark")) && !u.Has(_lexicon.Words("mode.not-dark")));
        return Edit(dark ? "Switching to dark mode." : "Switching to light mode.", "set_theme_mode", new SetTheme(Mode: dark ? "dark" : "light"));
    }

    private Plan ThemeColor(Utterance u) => Slots.Color(u, _lexicon) is { } color
        ? Edit($"Changing the main colour to {color}.", "set_theme_color", new SetTheme(PrimaryColor: color))
        : Ask("Which colour? Name one (\"blue\") or give a code like #2563eb.", "set_theme_color");

    private Plan ThemeFont(Utterance u) => Lexicon.Find(_lexicon.Fonts, u.Text) is { } font
        ? Edit($"Switching to a {font} font.", "set_theme_font", new SetTheme(Font: font))
        : Ask("Which kind of font: serif, sans-serif, monospace or rounded?", "set_theme_font");

    private Plan ThemeRadius(Utterance u) => Lexicon.Find(_lexicon.Radii, u.Text) is { } radius
        ? Edit("Changing the corners.", "set_theme_radius", new SetTheme(Radius: radius))
        : Ask("Square corners, slightly rounded or rounded?", "set_theme_radius");
}
