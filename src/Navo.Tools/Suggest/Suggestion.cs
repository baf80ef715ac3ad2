using Navo.Tools.Edit;

namespace Navo.Tools.Suggest;

/// <summary>
/// An improvement Navo proposes for a site: the edit operations that make it (the same ones <c>edit_site</c> applies),
/// why (<see cref="Reason"/>, quoting a figure only when there were visitors to measure), and what it should change
/// (<see cref="Effect"/>), in plain words. <see cref="Kind"/> groups suggestions for ranking (how often owners accept
/// that kind); <see cref="Key"/> names what it is about (kind and section), so the same suggestion is not made twice.
/// </summary>
public sealed record Suggestion(Guid Id, string Kind, string Key, string Title, string Reason, string Effect, IReadOnlyList<EditOperation> Operations);

/// <summary>Where a suggestion stands.</summary>
public enum SuggestionStatus { Open, Applied, Dismissed }

/// <summary>The kinds of suggestion Navo makes, in the order it ranks them when owners have not yet accepted or dismissed any.</summary>
public static class SuggestionKinds
{
    /// <summary>A button whose words say nothing of what happens next ("Learn more", "Click here", "Submit").</summary>
    public const string WeakButton = "weak_button";

    /// <summary>No contact section: visitors who want to ask something have nowhere to go.</summary>
    public const string MissingContact = "missing_contact";

    /// <summary>A business that sells things shows no prices.</summary>
    public const string MissingPrices = "missing_prices";

    /// <summary>A hero whose headline or subheadline is too long to read at a glance.</summary>
    public const string LongHero = "long_hero";

    /// <summary>The contact section far down a long page, while few visitors send the form.</summary>
    public const string BuriedContact = "buried_contact";

    /// <summary>A page whose HTML and images weigh more than a phone connection shows quickly; its heaviest photos come off.</summary>
    public const string HeavyPage = "heavy_page";

    /// <summary>Every kind, most useful first: the order of ties in ranking.</summary>
    public static IReadOnlyList<string> All { get; } = [WeakButton, MissingContact, MissingPrices, BuriedContact, HeavyPage, LongHero];
}
