namespace Navo.Agent.Local;

/// <summary>A section of the current site as the local client sees it: id, type, and its items' names (pricing names, FAQ questions, …).</summary>
public sealed record SectionInfo(string Id, string Type, IReadOnlyList<string> Items);

/// <summary>
/// What the local client knows about the conversation when it reads a message: the site's name, sections and pages,
/// the section selected in the studio, the one edited last and the last operations, how many suggestions were last
/// shown, and whether a yes/no question is waiting. <see cref="SiteChosen"/> is false when the site was only the
/// workspace's newest (the conversation had not worked on one yet): a description of a business then drafts a new site.
/// </summary>
public sealed record PlanContext(
    IReadOnlyList<SectionInfo> Sections,
    IReadOnlyList<string> Pages,
    string? ProjectName = null,
    string? SelectedSectionId = null,
    string? LastEditedSectionId = null,
    int SuggestionCount = 0,
    bool ApprovalPending = false,
    string? LastOperationsJson = null,
    bool SiteChosen = true)
{
    public bool HasSite => Sections.Count > 0 || Pages.Count > 0;

    /// <summary>No project yet.</summary>
    public static PlanContext Empty { get; } = new([], []);

    /// <summary>design.md section 7's sample, as docs/understanding.md describes it.</summary>
    public static PlanContext Sample { get; } = new(
        [
            new("s1", "hero", []),
            new("s2", "features", ["Baked every morning", "Local flour", "Made by hand"]),
            new("s3", "testimonials", ["Anna", "Tom", "Priya"]),
            new("s4", "pricing", ["Small cake", "Large cake", "Wedding cake"]),
            new("s5", "faq", ["Do you deliver?", "Do you bake gluten-free?", "Can I order online?"]),
            new("s6", "contact", []),
            new("s7", "footer", []),
        ],
        ["Home", "Menu", "About Us"],
        ProjectName: "Sunrise Bakery",
        SuggestionCount: 3);

    public string? TypeOf(string? sectionId) => Sections.FirstOrDefault(s => s.Id == sectionId)?.Type;

    /// <summary>The first section of a type, or null.</summary>
    public SectionInfo? FirstOf(string type) => Sections.FirstOrDefault(s => s.Type == type);

    /// <summary>How to name a section in a tool argument: its type when it is the only one, else its id.</summary>
    public string Reference(string sectionId)
    {
        var type = TypeOf(sectionId);
        return type is not null && Sections.Count(s => s.Type == type) == 1 ? type : sectionId;
    }
}
