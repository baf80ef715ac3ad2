using Navo.Tools.Sites;

namespace Navo.Tools.Versions;

/// <summary>
/// The words an owner uses for the parts of their site — "the main banner", "a price list", "the button" — so that
/// history and compare never show the document's own names ("hero", "ctaText").
/// </summary>
public static class OwnerWords
{
    /// <summary>A section already there: "the main banner", "the price list", "the about section".</summary>
    public static string Section(string type) => type switch
    {
        "hero" => "the main banner",
        "cta" => "the call to action",
        "contact" => "the contact form",
        "hours" => "the opening hours",
        "testimonials" => "the reviews",
        "faq" => "the questions and answers",
        "pricing" => "the price list",
        "stats" => "the figures",
        "team" => "the team",
        _ => "the " + (SectionCatalog.Find(type)?.Label ?? type),
    };

    /// <summary>A section just added: "a price list", "reviews", "an about section".</summary>
    public static string NewSection(string type) => type switch
    {
        "hero" => "a main banner",
        "pricing" => "a price list",
        "testimonials" => "reviews",
        "faq" => "questions and answers",
        "stats" => "figures",
        "hours" => "opening hours",
        "contact" => "a contact form",
        "cta" => "a call to action",
        _ => SectionCatalog.Find(type)?.WithArticle ?? "a section",
    };

    /// <summary>
    /// A field of a section: "the headline", "the button in the main banner", "the text of About" (with
    /// <paramref name="section"/> naming the section, its title where it has one).
    /// </summary>
    public static string Field(string type, string field, string? section = null)
    {
        var name = field switch
        {
            "subheadline" => "line under the headline",
            "ctaText" or "buttonText" => "button",
            "ctaLink" or "buttonLink" => "button's link",
            "body" or "text" => "text",
            "email" => "email address",
            "phone" => "phone number",
            "submitText" => "send button",
            _ => SectionCatalog.Describe(field),
        };
        return type != "hero" ? $"the {name} of {section ?? Section(type)}" : field switch
        {
            "headline" or "subheadline" => "the " + name,
            "ctaText" or "ctaLink" => "the main " + name,
            _ => $"the {name} in the main banner",
        };
    }
}
