using Navo.Agent.Local;
using static Navo.Agent.Tests.Local.PlanAssertions;

namespace Navo.Agent.Tests.Local;

/// <summary>"it", "this", "the second one", "do the same for…": words that mean something only in the conversation.</summary>
public sealed class ContextTests
{
    [Fact]
    public void This_means_the_section_selected_in_the_studio()
    {
        var selected = PlanContext.Sample with { SelectedSectionId = "s4" };

        Operations("make this shorter", selected).Should().Equal("""{"op":"rewrite","section":"pricing","style":"shorter"}""");
        Operations("remove this", selected).Should().Equal("""{"op":"remove_section","section":"pricing"}""");
    }

    [Fact]
    public void It_after_an_edit_means_the_section_just_changed()
    {
        var afterEdit = PlanContext.Sample with { LastEditedSectionId = "s3" };

        Operations("make it shorter", afterEdit).Should().Equal("""{"op":"rewrite","section":"testimonials","style":"shorter"}""");
    }

    [Fact]
    public void It_with_nothing_selected_or_edited_gets_a_question_not_a_guess()
    {
        var plan = Plan("make it shorter");

        plan.Calls.Should().BeEmpty();
        plan.Reply.Should().EndWith("Click it in the preview or name it.");
        Plan("remove it").Calls.Should().BeEmpty();
    }

    [Fact]
    public void The_second_one_after_a_list_of_suggestions_is_suggestion_two()
    {
        OnlyCall("let's do the second one", "apply_suggestion")["suggestion"]!.GetValue<string>().Should().Be("2");
    }

    [Fact]
    public void Do_the_same_for_the_FAQ_repeats_the_last_change_on_the_FAQ()
    {
        var afterRewrite = PlanContext.Sample with { LastOperationsJson = """[{"op":"rewrite","section":"pricing","style":"casual"}]""" };

        Operations("now do the same for the faq", afterRewrite).Should().Equal("""{"op":"rewrite","section":"faq","style":"casual"}""");
        Plan("do the same for the faq").Calls.Should().BeEmpty();
    }

    [Fact]
    public void Put_it_back_the_way_it_was_undoes_the_last_change()
    {
        Operations("put it back the way it was").Should().Equal("""{"op":"undo","steps":1}""");
    }

    [Fact]
    public void Yes_and_no_answer_a_pending_question_and_mean_nothing_without_one()
    {
        var pending = PlanContext.Sample with { ApprovalPending = true };

        Plan("yes please", pending).Intent.Should().Be("yes");
        Plan("no, cancel", pending).Intent.Should().Be("no");
        Plan("yes").Calls.Should().BeEmpty();
    }

    [Fact]
    public void Without_a_site_an_edit_asks_for_a_business_first()
    {
        var plan = Plan("make it dark", PlanContext.Empty);

        plan.Calls.Should().BeEmpty();
        plan.Reply.Should().StartWith("There is no site yet.");
    }

    [Fact]
    public void A_description_with_a_site_open_asks_whether_it_is_a_new_site_rather_than_drafting_one()
    {
        Plan("my mum started this bakery in 1982 and the kids help on saturdays").Calls.Should().BeEmpty();
        OnlyCall("new site: Crumbs is a bakery in York", "generate_site")["businessName"]!.GetValue<string>().Should().Be("Crumbs");
    }
}
