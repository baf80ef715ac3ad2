namespace Navo.Agent.Local;

/// <summary>
/// What the local client knows about the conversation when it reads a message: the site's sections and pages,
/// the section selected in the studio, the one edited last, how many suggestions were last shown, and whether a
/// yes/no question is waiting.
/// </summary>
public sealed record PlanContext(
    IReadOnlyList<(string Id, string Type)> Sections,
    IReadOnlyList<string> Pages,
    string? SelectedSectionId = null,
    string? LastEditedSectionId = null,
    int SuggestionCount = 0,
    bool ApprovalPending = false)
{
    public bool HasSite => Sections.Count > 0;

    /// <summary>No project yet.</summary>
    public static PlanContext Empty { get; } = new([], []);

    /// <summary>design.md section 7's sample: a site with hero, features, testimonials, pricing, faq, contact and footer, and three suggestions.</summary>
    public static PlanContext Sample { get; } = new(
        [("s1", "hero"), ("s2", "features"), ("s3", "testimonials"), ("s4", "pricing"), ("s5", "faq"), ("s6", "contact"), ("s7", "footer")],
        ["Home"],
        SuggestionCount: 3);

    public string? TypeOf(string? sectionId) => Sections.FirstOrDefault(s => s.Id == sectionId).Type;

    /// <summary>How to name a section in a tool argument: its type when it is the only one, else its id.</summary>
    public string Reference(string sectionId)
    {
        var type = TypeOf(sectionId);
        return type is not null && Sections.Count(s => s.Type == type) == 1 ? type : sectionId;
    }
}
