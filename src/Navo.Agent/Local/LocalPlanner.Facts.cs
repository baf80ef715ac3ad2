using System.Text.RegularExpressions;
using Navo.Tools.Edit;
using Navo.Tools.Reading;
using Navo.Tools.Sites;

namespace Navo.Agent.Local;

public sealed partial class LocalPlanner
{
    /// <summary>
    /// Contact details and opening hours given in passing ("open 9-5 weekdays and call us on 0113 496 0000"): every
    /// one found becomes an operation, in the order they were written.
    /// </summary>
    private Plan ContactAndHours(Utterance u, PlanContext context, string intent)
    {
        var found = ContactOperations(u, context);
        // "say we're closed sundays in january" asks for a note beside the rows (SetHours below), not a new week of rows.
        var hours = NoteLead().IsMatch(u.Original) ? [] : Hours.Read(u.Original);
        if (hours.Count > 0)
        {
            var at = TimeStart().Match(u.Original) is { Success: true } m ? m.Index : 0;
            found.Add((at, new SetHours(hours)));
        }

        if (found.Count == 0)
        {
            return intent == "set_hours"
                ? SetHours(u)
                : Ask("What should visitors use to reach you? Give me an email address, a phone number or a street address.", intent);
        }

        var reply = hours.Count > 0 && found.Count == 1 ? "Updating your opening hours." : "Updating your contact details.";
        return Edit(reply, intent, [.. found.OrderBy(f => f.At).Select(f => f.Operation)]);
    }

    /// <summary>An email address, phone number or street address, each into the contact section.</summary>
    private List<(int At, EditOperation Operation)> ContactOperations(Utterance u, PlanContext context)
    {
        var contact = context.FirstOf("contact") is { } c ? context.Reference(c.Id) : "contact";
        var found = new List<(int At, SetText Operation)>();
        var text = u.Original;
        var named = _lexicon.Fields.FirstOrDefault(f => f.Field is "email" or "phone" or "address" && Lexicon.Contains(u.Text, f.Phrase));
        if (u.Quotes.Count == 1 && named is not null)
        {
            found.Add((0, new SetText(contact, named.Field, u.Quotes[0])));
        }
        else
        {
            if (Facts.Email(text) is { } email)
            {
                found.Add((Facts.EmailAt(text), new SetText(contact, "email", email)));
            }

            if (Facts.Phone(text) is { } phone)
            {
                found.Add((phone.At, new SetText(contact, "phone", phone.Value)));
            }

            if (Facts.Address(text) is { } address && address.Value is { Length: > 3 } value && !found.Any(f => value.Contains(f.Operation.Value, StringComparison.Ordinal)))
            {
                found.Add((address.At, new SetText(contact, "address", value)));
            }
        }

        return [.. found.Select(f => (f.At, (EditOperation)f.Operation))];
    }

    /// <summary>A new price for one item: "the large cake is £20 now".</summary>
    private Plan SetPrice(Utterance u, PlanContext context)
    {
        var prices = Facts.Prices(u.Original);
        if (prices.Count == 0)
        {
            return Ask("What should the new price be? For example \"the large cake is £20\".", "set_price");
        }

        if (context.FirstOf("pricing") is not { } pricing)
        {
            return Ask($"There is no price list on the site yet. Shall I add one? Say, for example, \"add a price list: large cake {prices[0].Amount}\".", "set_price");
        }

        var named = ItemByName(u, context);
        if (named is { Section.Type: "pricing" })
        {
            pricing = named.Section;
        }

        var item = (named?.Section == pricing ? named.Item : ItemIndex(u, pricing)) ?? (pricing.Items.Count == 1 ? 0 : null);
        if (item is { } index && (index < 0 || index >= pricing.Items.Count))
        {
            return Ask($"The price list has {pricing.Items.Count} items, so there is no item {index + 1}.", "set_price");
        }

        if (item is null)
        {
            return Ask($"Which item costs {prices[0].Amount}? The price list has {string.Join(", ", pricing.Items)}.", "set_price");
        }

        var section = context.Reference(pricing.Id);
        var operations = new List<EditOperation> { new SetText(section, "price", prices[^1].Amount, item) };
        if (prices[^1].Period is { } period)
        {
            operations.Add(new SetText(section, "period", period, item));
        }

        return Edit($"Changing the price to {prices[^1].Amount}.", "set_price", [.. operations]);
    }

    /// <summary>A list of prices ("haircut £20, beard trim £10") as a new price list.</summary>
    private Plan AddPrices(Utterance u, PlanContext context)
    {
        var items = new List<SectionItem>();
        var text = u.Original;
        var list = text.Contains(':', StringComparison.Ordinal) ? text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..] : text;
        var prices = Facts.Prices(list);
        // "haircut £20, beard trim £10" names come before their prices; "£20 for a haircut" after.
        var nameFirst = prices.Count > 0 && ItemName(list[..prices[0].At]) is not null;
        for (var i = 0; i < prices.Count; i++)
        {
            var from = nameFirst ? (i == 0 ? 0 : prices[i - 1].End) : prices[i].End;
            var to = nameFirst ? prices[i].At : (i + 1 < prices.Count ? prices[i + 1].At : list.Length);
            if (ItemName(list[from..to]) is not { } name)
            {
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = name, ["price"] = prices[i].Amount };
            if (prices[i].Period is { } period)
            {
                fields["period"] = period;
            }

            items.Add(new SectionItem(fields, []));
        }

        if (items.Count == 0 && prices.Count == 0 && _lexicon.Fields.Any(f => f.Field is "title" or "text" && Lexicon.Contains(u.Text, f.Phrase)))
        {
            // "prices heading: Cakes & bakes" names the price list's heading, not prices.
            return SetText(u, context);
        }

        return items.Count == 0
            ? Ask("Which prices? For example \"add a price list: haircut £20, beard trim £10\".", "add_prices")
            : Edit($"Adding a price list with {items.Count} item{(items.Count == 1 ? string.Empty : "s")}.", "add_prices", new AddSection("pricing", Items: items));
    }

    private Plan SetHours(Utterance u)
    {
        var lines = Hours.Read(u.Original);
        // "say we're closed sundays in january" is a note beside the rows, not new rows for the whole week.
        if (lines.Count > 0 && !NoteLead().IsMatch(u.Original))
        {
            return Edit("Updating your opening hours.", "set_hours", new SetHours(lines));
        }

        var text = u.Quotes.Count > 0 ? u.Quotes[0] : Slots.Clean(HoursTail().Replace(u.Original.Contains(':', StringComparison.Ordinal) ? u.Original[(u.Original.IndexOf(':', StringComparison.Ordinal) + 1)..] : HoursLead().Replace(u.Original, string.Empty), string.Empty));
        if (text is null)
        {
            return Ask("When are you open? For example \"Tue-Fri 9am-6pm, Sat 8-4\".", "set_hours");
        }

        // "closed on bank holidays" is a note beside the table; "by appointment only" takes the table's place.
        var note = char.ToUpperInvariant(text[0]) + text[1..];
        return InsteadOfTheRows().IsMatch(text)
            ? Edit("Updating your opening hours.", "set_hours", new SetHours(Hours: [], Text: note))
            : Edit("Adding a note to your opening hours.", "set_hours", new SetHours(Text: note));
    }

    /// <summary>The business's real name: "our name is actually Crumbs", "it's Crumbs, not Sunrise".</summary>
    private Plan SetName(Utterance u, PlanContext context, bool fromText = false)
    {
        // fromText: SetText already judged the message to be about the name, so it never goes back there.
        if (!fromText && _lexicon.Fields.Any(f => f.Field is "author" or "question" or "answer" or "role" && Lexicon.Contains(u.Text, f.Phrase)))
        {
            // "second reviewer name 'Priya K'" names a part of the page, not the business.
            return TextTarget(u, context) is null ? Ask("Which part should say that? Click a section in the preview, or name it.", "set_name") : SetText(u, context);
        }

        var name = u.Quotes.FirstOrDefault();
        if (name is null)
        {
            name = NameIs().Matches(u.Original)
                .Select(m => Slots.Clean(Called().Replace(NotPart().Replace(m.Groups["name"].Value, string.Empty), string.Empty)))
                .FirstOrDefault(n => n is not null && !n.StartsWith("not ", StringComparison.OrdinalIgnoreCase))
                ?? (RenameTo().Match(u.Original) is { Success: true } m ? Slots.Clean(m.Groups["name"].Value) : null);
        }

        return name is null
            ? Ask("What is the business called? Put the name in quotes, like 'Crumbs'.", "set_name")
            : Edit($"Renaming the business to {name}.", "set_name", new SetName(name));
    }

    /// <summary>An item's name from the words around its price, without separators and filler at either end.</summary>
    private static string? ItemName(string words)
    {
        var name = Slots.Clean(ItemEdges().Replace(words, string.Empty));
        return name is { Length: > 1 } && name.Any(char.IsLetter) ? name : null;
    }

    [GeneratedRegex(@"^(?:[\s,;:=+&()\-–—/.]|\b(?:and|add|a|an|the|our|my|new|price list|prices|price|pricing section|pricing|section|list|rates|are|is|costs?|for|at|from|each|only|just|then|plus|with|here)\b)+|(?:[\s,;:=+&()\-–—/.]|\b(?:and|is|are|costs?|for|at|each|only|just|then|plus)\b)+$", RegexOptions.IgnoreCase)]
    private static partial Regex ItemEdges();

    /// <summary>"… in the hours", "… on the opening times": where the note goes is not part of it.</summary>
    [GeneratedRegex(@"\s+(?:in|on|to|under)\s+(?:the\s+|our\s+)?(?:opening\s+)?(?:hours|times)(?:\s+section)?\s*[.!]*\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HoursTail();

    /// <summary>"say …", "add that …", "mention …": the owner asks for a note, not for new hours.</summary>
    [GeneratedRegex(@"^\s*(?:(?:please|pls|plz|(?:can|could|would)\s+(?:you|u))\s+)*(?:say|put|add|mention|note|show|write|tell\s+(?:people|visitors|customers|everyone))\b", RegexOptions.IgnoreCase)]
    private static partial Regex NoteLead();

    /// <summary>"by appointment only", "closed until March": hours that take the place of the rows.</summary>
    [GeneratedRegex(@"^(?:by\s+appointments?(?:\s+only)?|appointments?\s+only|closed\s+(?:until|till|for|now)|temporarily\s+closed|online\s+only)\b", RegexOptions.IgnoreCase)]
    private static partial Regex InsteadOfTheRows();

    /// <summary>"say we're closed on bank holidays", "our hours are …", "open …": the words before the note itself.</summary>
    [GeneratedRegex(@"^\s*(?:(?:please|pls|plz|(?:can|could|would)\s+(?:you|u))\s+)*(?:(?:say|put|add|mention|note|show|write|tell\s+(?:people|visitors|customers|everyone))(?:\s+that)?\s+)?(?:(?:(?:our|the)\s+)?(?:opening\s+)?(?:hours|times)\s*(?:are|is)?\s*|we(?:'re|’re| are)\s+(?:open\s+)?|open\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex HoursLead();

    [GeneratedRegex(@"(?:\b(?:name\s*(?:is|:|should be|=)|name's|called|named|renamed?\s+(?:the\s+|our\s+)?(?:shop|business|company|site|bakery|brand|us|it)\s+(?:to|as)|rebranded\s+(?:to|as)|call\s+(?:us|it|the business)|rename\s+(?:the\s+business|us|it|the\s+site|the\s+company)\s+(?:to|as)|name\s+to|it's|it\s+is|we're|we\s+are|its)\s+(?:actually\s+|really\s+|just\s+)?)(?<name>[^,.;!?]+?(?:\s+&\s+[^,.;!?]+?)?)\s*(?=,?\s*\bnot\b|[,.;!?]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex NameIs();

    [GeneratedRegex(@"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\s*(?:-|–|to|till|until)\s*\d", RegexOptions.IgnoreCase)]
    private static partial Regex TimeStart();

    [GeneratedRegex(@"\b(?:rename|renamed|change|changed|call|switch)\b.*?\bto\s+(?<name>[^,.;!?]+?)\s*[.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex RenameTo();

    [GeneratedRegex(@"^(?:called|named|now|actually)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Called();

    [GeneratedRegex(@"\s*,?\s*\bnot\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex NotPart();
}
