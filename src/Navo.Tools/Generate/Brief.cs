using Navo.Tools.Edit;

namespace Navo.Tools.Generate;

/// <summary>
/// What Navo understood about a business from the user's own words. <c>Industry</c> is the content pack
/// ("pets"), <see cref="Kind"/> the taxonomy's kind ("dog_groomer", or null when none fits) and
/// <see cref="KindLabel"/> what the business is in words ("dog groomer", or the owner's own words for a kind the
/// taxonomy does not know).
/// </summary>
public sealed record Brief(
    string BusinessName,
    string Industry,
    string? Place,
    IReadOnlyList<string> Offerings,
    string? Audience,
    string Tone,
    string Description)
{
    public string? Kind { get; init; }

    public string? KindLabel { get; init; }

    /// <summary>False when the owner did not say the name and the site carries a placeholder to replace.</summary>
    public bool NameGiven { get; init; } = true;

    /// <summary>The facts the owner gave: prices, hours, contacts, the year they started, languages.</summary>
    public BusinessFacts Facts { get; init; } = BusinessFacts.None;

    /// <summary>The owner asked for a one-page site.</summary>
    public bool OnePage { get; init; }
}

/// <summary>Facts about a business in the owner's words; whatever they did not say is empty, never guessed.</summary>
public sealed record BusinessFacts(
    IReadOnlyList<PriceFact> Prices,
    IReadOnlyList<HoursRow> Hours,
    string? Address,
    string? Phone,
    string? Email,
    string? Since,
    IReadOnlyList<string> Languages)
{
    public static BusinessFacts None { get; } = new([], [], null, null, null, null, []);

    /// <summary>The hours as the owner wrote them ("Open wed-sun 11-6"), shown beside the table read from them.</summary>
    public string? HoursSaid { get; init; }

    /// <summary>Where the business is on social media, as the owner gave it: "Instagram @houseoffolake".</summary>
    public IReadOnlyList<string> Social { get; init; } = [];

    /// <summary>
    /// What the owner said in passing that a visitor wants to know, as typed: when they can come ("24/7", "open 7 days",
    /// "by appointment only"), how long the business has been going ("12 yrs", "est 2015"), what vouches for it ("fully
    /// insured", "Gas Safe registered") and the languages spoken in them ("hablo español").
    /// </summary>
    public IReadOnlyList<string> Highlights { get; init; } = [];
}

/// <summary>
/// One price the owner gave: what it is for ("cut &amp; blow-dry"), the price with its currency ("£35"), its period,
/// and whether it is a starting price ("from £45").
/// </summary>
public sealed record PriceFact(string Item, string Price, string? Period, bool From = false)
{
    /// <summary>The price with its period as the owner wrote it ("$60/hr", "£25pp"), when they gave a period.</summary>
    public string? Said { get; init; }
}
