using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// What the owner says is on offer ("valuations available", "marquees for hire") is an offering even as one word;
/// how the work is done ("mobile", "weekly or fortnightly") is not one.
/// </summary>
public sealed class OnOfferTests
{
    [Theory]
    [InlineData("Hardwick Clocks, antique clock restoration in Ludlow. valuations available", "valuations")]
    [InlineData("Canvas Days - marquees for hire across Somerset", "marquees")]
    public void One_word_said_to_be_on_offer_is_an_offering(string description, string offering)
    {
        BriefReader.Read(description).Offerings.Should().Contain(offering);
    }

    [Fact]
    public void Bookings_taken_is_not_an_offering()
    {
        BriefReader.Read("Hardwick Clocks, antique clock restoration in Ludlow. bookings taken").Offerings.Should().NotContain("bookings");
    }

    [Theory]
    [InlineData("Spick & Span Cleaning — end of tenancy cleans, oven cleans, weekly or fortnightly, Bristol", "weekly or fortnightly")]
    [InlineData("Fur Real Grooming — full grooms and nail trims, mobile, Derby", "mobile")]
    public void How_often_or_how_the_work_is_done_is_not_an_offering(string description, string manner)
    {
        BriefReader.Read(description).Offerings.Should().NotContain(manner).And.NotBeEmpty();
    }
}
