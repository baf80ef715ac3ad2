using Navo.Agent.Local;
using static Navo.Agent.Tests.Local.PlanAssertions;

namespace Navo.Agent.Tests.Local;

/// <summary>Each kind of failure a new user met, named after what broke (paraphrased; the evaluation sets hold many more).</summary>
public sealed class WhatBrokeTests
{
    private static readonly PlanContext Unnamed = PlanContext.Sample with { ProjectName = Navo.Tools.Generate.BriefReader.PlaceholderName };

    [Theory]
    [InlineData("sean o'brien plumbing", "Sean O'brien Plumbing")]
    [InlineData("its Crumbs & Co", "Crumbs & Co")]
    [InlineData("the name is bloom and wild.", "Bloom and Wild")]
    public void The_answer_to_whats_the_business_called_renames_the_site(string answer, string name)
    {
        // Regression: the draft asked for the name, and the answer got "Is that about this site, or a new one?".
        Operations(answer, Unnamed).Should().Equal($$"""{"op":"set_name","name":"{{name}}"}""");
    }

    [Theory]
    [InlineData("we're based in cork")]
    [InlineData("make it dark")]
    [InlineData("why?")]
    public void A_request_or_a_sentence_after_the_question_is_no_name(string message) =>
        Plan(message, Unnamed).Calls.SelectMany(c => c.Arguments["operations"]?.AsArray() ?? []).Should()
            .NotContain(o => o!["op"]!.GetValue<string>() == "set_name");

    [Theory]
    [InlineData("say we're closed on bank holidays", "Closed on bank holidays")]
    [InlineData("can you add that we are closed christmas day", "Closed christmas day")]
    [InlineData("put late opening thursdays in the hours", "Late opening thursdays")]
    [InlineData("say we're closed sundays in january", "Closed sundays in january")]
    public void A_note_about_the_hours_keeps_the_rows(string message, string note)
    {
        // Regression: "say we're closed on bank holidays" replaced the hours table with that sentence.
        Operations(message).Should().Equal($$"""{"op":"set_hours","text":"{{note}}"}""");
    }

    [Fact]
    public void Hours_by_appointment_only_take_the_place_of_the_rows()
    {
        Operations("opening hours: by appointment only").Should().Equal("""{"op":"set_hours","hours":[],"text":"By appointment only"}""");
        Operations("hours: christmas week by appointment only").Should().Equal("""{"op":"set_hours","text":"Christmas week by appointment only"}""");
    }

    [Theory]
    [InlineData("add a section on the home page")]
    [InlineData("add a section at the top")]
    public void A_section_on_a_page_or_at_a_place_names_no_topic(string message) =>
        Operations(message).Should().NotContain(o => o.Contains("\"title\""));

    [Theory]
    [InlineData("add a section about our gluten free range", "Our gluten free range")]
    [InlineData("pls add a section on the wedding cakes we do", "The wedding cakes we do")]
    public void A_section_about_something_is_titled_with_it(string message, string title)
    {
        // Regression: the new section was a second, generic "About" section.
        var operation = Operations(message).Should().ContainSingle().Subject;
        operation.Should().StartWith("""{"op":"add_section","type":"about",""").And.Contain($"\"title\":\"{title}\"");
    }

    [Fact]
    public void An_about_section_for_the_business_itself_is_drafted_as_before() =>
        Operations("add a section about us").Should().Equal("""{"op":"add_section","type":"about"}""");

    [Fact]
    public void Markup_pasted_into_the_chat_is_read_without_its_code()
    {
        // Regression: a first message wrapped in HTML got "Which part should say that?" from the script's quoted text.
        Guards.Clean("<script>alert('x')</script><img src=x onerror=alert(1)> <b>Bold Bakes</b> bakery in Sligo, call <a href='javascript:alert(1)'>us</a> 071 912 3456")
            .Should().Be("Bold Bakes bakery in Sligo, call us 071 912 3456");
        Guards.Clean("<STYLE>body{color:red}</STYLE>make it dark").Should().Be("make it dark");
    }

    [Fact]
    public void Asking_to_add_a_price_list_adds_one_and_never_removes_a_page()
    {
        Operations("can you add a price list: haircut £20, beard trim £10").Should().Equal(
            """{"op":"add_section","type":"pricing","items":[{"name":"haircut","price":"£20"},{"name":"beard trim","price":"£10"}]}""");
    }

    [Fact]
    public void An_email_address_for_the_contact_section_sets_the_email_and_removes_nothing()
    {
        Operations("the email for the contact section is hello@sunrise.co.uk").Should().Equal(
            """{"op":"set_text","section":"contact","field":"email","value":"hello@sunrise.co.uk"}""");
    }

    [Fact]
    public void Taking_the_site_down_asks_to_unpublish_never_to_publish()
    {
        OnlyCall("please take the site down for now", "publish_site")["action"]!.GetValue<string>().Should().Be("unpublish");
        OnlyCall("hide my website", "publish_site")["action"]!.GetValue<string>().Should().Be("unpublish");
    }

    [Theory]
    [InlineData("does navo work on my phone?")]
    [InlineData("is navo free?")]
    [InlineData("how do I add a blog?")]
    public void A_question_that_mentions_Navo_changes_nothing(string question)
    {
        // Regression: "navo" was one letter from "navy", and the question changed the site's colour.
        var plan = Plan(question);

        plan.Calls.Should().BeEmpty();
        plan.Reply.Should().NotBeEmpty();
    }

    [Fact]
    public void A_phone_number_a_street_address_and_opening_hours_are_facts_not_shrugs()
    {
        Operations("you can call us on 0113 496 0000").Should().Equal("""{"op":"set_text","section":"contact","field":"phone","value":"0113 496 0000"}""");
        Operations("we're at 4 Mill Lane, Leeds LS1 4AB").Should().Equal("""{"op":"set_text","section":"contact","field":"address","value":"4 Mill Lane, Leeds LS1 4AB"}""");
        Operations("we're open Tue–Fri 9am–6pm, Sat 8–4").Should().Equal(
            """{"op":"set_hours","hours":[{"days":"Tue-Fri","opens":"09:00","closes":"18:00"},{"days":"Sat","opens":"08:00","closes":"16:00"}]}""");
    }

    [Fact]
    public void A_new_price_for_one_item_changes_that_items_price_not_the_pricing_heading()
    {
        Operations("the large cake is £20 now").Should().Equal("""{"op":"set_text","section":"pricing","field":"price","value":"£20","item":1}""");
        Operations("make the wedding cake 300 euros").Should().Equal("""{"op":"set_text","section":"pricing","field":"price","value":"€300","item":2}""");
    }

    [Fact]
    public void New_text_for_a_sections_paragraph_goes_into_its_body_not_its_title()
    {
        var about = PlanContext.Sample with { Sections = [.. PlanContext.Sample.Sections, new SectionInfo("s8", "about", [])] };

        Operations("change the about text to: We have baked in Leeds since 1987, always by hand", about).Should().Equal(
            """{"op":"set_text","section":"about","field":"body","value":"We have baked in Leeds since 1987, always by hand"}""");
        Operations("change the about heading to Our story", about).Should().Equal("""{"op":"set_text","section":"about","field":"title","value":"Our story"}""");
    }

    [Fact]
    public void A_page_about_wedding_cakes_is_called_Wedding_Cakes_not_New()
    {
        Operations("add a page about our wedding cakes").Should().Equal("""{"op":"add_page","title":"Wedding Cakes"}""");
    }

    [Fact]
    public void Two_changes_in_one_message_are_both_made()
    {
        Operations("a darker green and rounder corners").Should().Equal(
            """{"op":"set_theme","primaryColor":"#166534"}""", """{"op":"set_theme","radius":"large"}""");
        Operations("drop the FAQ and the testimonials").Should().Equal(
            """{"op":"remove_section","section":"faq"}""", """{"op":"remove_section","section":"testimonials"}""");
        Operations("make it dark and use a serif font").Should().Equal(
            """{"op":"set_theme","mode":"dark"}""", """{"op":"set_theme","font":"serif"}""");
    }

    [Theory]
    [InlineData("make it dark and publish it", """{"op":"set_theme","mode":"dark"}""")]
    [InlineData("change the headline to 'Fresh bread daily' then publish", """{"op":"set_text","section":"hero","field":"headline","value":"Fresh bread daily"}""")]
    [InlineData("use a serif font, and put it live", """{"op":"set_theme","font":"serif"}""")]
    public void An_edit_then_a_publish_makes_the_edit_and_then_asks_to_publish(string message, string operation)
    {
        // Regression: the local client made the edit and dropped the publish without a word.
        var plan = Plan(message);

        plan.Calls.Select(c => c.Name).Should().Equal("edit_site", "publish_site");
        plan.Calls[0].Arguments["operations"]!.AsArray().Select(o => o!.ToJsonString()).Should().Equal(operation);
        plan.Calls[1].Arguments["action"]!.GetValue<string>().Should().Be("publish");
    }

    [Fact]
    public void Saying_what_the_business_really_is_redrafts_this_project_and_never_starts_another()
    {
        var call = OnlyCall("we're a dog groomer, not a bakery", "generate_site");

        call["redraft"]!.GetValue<bool>().Should().BeTrue();
        call["industry"]!.GetValue<string>().Should().Be("dog groomer");
    }

    [Fact]
    public void The_businesss_real_name_renames_it_everywhere()
    {
        Operations("our name is actually Crumbs").Should().Equal("""{"op":"set_name","name":"Crumbs"}""");
        Operations("it's Crumbs & Co, not Sunrise Bakery").Should().Equal("""{"op":"set_name","name":"Crumbs & Co"}""");
        // Seen in a new user's session: the words of the name ("line", "tackle") left the classifier unsure.
        Operations("actually it's Hook and Line Tackle, not Hook & Line").Should().Equal("""{"op":"set_name","name":"Hook and Line Tackle"}""");
    }

    [Fact]
    public void Deleting_a_site_made_by_mistake_asks_to_delete_the_project_not_a_section()
    {
        OnlyCall("I made this site by mistake, please delete it", "delete_project")["name"]!.GetValue<string>().Should().Be("Sunrise Bakery");
    }

    [Fact]
    public void Small_slips_are_understood()
    {
        Operations("remove the testimonals").Should().Equal("""{"op":"remove_section","section":"testimonials"}""");
        Operations("add a q&a").Should().Equal("""{"op":"add_section","type":"faq"}""");
        Operations("headline: Fresh bread every morning").Should().Equal("""{"op":"set_text","section":"hero","field":"headline","value":"Fresh bread every morning"}""");
        OnlyCall("put the previous version live again", "publish_site")["action"]!.GetValue<string>().Should().Be("rollback");
    }

    [Fact]
    public void A_long_first_message_with_real_details_drafts_a_site_with_what_it_said()
    {
        const string message = "Hi! I run Crumbs & Co, a small bakery on 4 Mill Lane in Leeds. We're open Tue-Sat 8am-4pm. "
            + "Sourdough £4.50, croissants £2, celebration cakes from £35. Call us on 0113 496 0000 or email hello@crumbs.co.uk.";

        var call = OnlyCall(message, "generate_site", PlanContext.Empty);

        call["description"]!.GetValue<string>().Should().Be(message);
        call["businessName"]!.GetValue<string>().Should().Be("Crumbs & Co");
        call["industry"]!.GetValue<string>().Should().Be("bakery");
        call["place"]!.GetValue<string>().Should().Be("Leeds");
    }

    [Fact]
    public void An_faq_given_with_its_questions_and_answers_is_added_with_them_not_split_into_other_requests()
    {
        Operations("add a faq: can kids come? yes if theyre over 8. when are you open? april to october").Should().Equal(
            """{"op":"add_section","type":"faq","items":[{"answer":"Yes if theyre over 8","question":"Can kids come?"},{"answer":"April to october","question":"When are you open?"}]}""");
    }

    [Fact]
    public void The_text_under_the_headline_is_the_tagline_not_the_headline()
    {
        Operations("change the text under the headline to Tattoos and piercings in Leeds").Should().Equal(
            """{"op":"set_text","section":"hero","field":"subheadline","value":"Tattoos and piercings in Leeds"}""");
    }

    [Fact]
    public void A_price_for_an_item_when_the_site_has_no_price_list_asks_rather_than_inventing_an_item()
    {
        var withoutPrices = PlanContext.Sample with { Sections = [.. PlanContext.Sample.Sections.Where(s => s.Type != "pricing")] };

        var plan = Plan("oh and the large cake is £20 now", withoutPrices);

        plan.Calls.Should().BeEmpty();
        plan.Reply.Should().Contain("no price list");
    }

    [Fact]
    public void A_message_in_Spanish_with_a_name_a_price_and_days_is_answered_in_Spanish_too()
    {
        Plan("Estilo Sur, Málaga, 15€, lunes–sábado").Reply.Should().Contain("solo entiende inglés");
    }

    [Fact]
    public void A_message_naming_the_business_and_a_reviewer_does_not_send_the_name_and_text_readers_round_in_circles()
    {
        // Regression: found by mangling evaluation messages; the two readers handed the message to each other until the stack ran out.
        Plan("our name is \"Crumbs & Co.\" second reviewer name \"Priya K\"").Reply.Should().NotBeNullOrWhiteSpace();
    }
}
