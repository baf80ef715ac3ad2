using Navo.Tools.Generate;

namespace Navo.Tools.Tests.Generate;

/// <summary>
/// Briefs typed quickly: text-speak ("we r"), greetings from around the world ("Howzit", "hello po"), a name in lower
/// case after "i run" or ending at its trade word with the town after it, "=" or "@" after a name, "lol" after it, a name
/// after "at", and a district with its town after a comma.
/// </summary>
public sealed class QuickTypedBriefTests
{
    [Theory]
    [InlineData("Howzit! we r Jozi Spokes, bicycle repairs and servicing in Johannesburg", "Jozi Spokes")]
    [InlineData("Jambo, we r Twiga Tours & Safaris. day trips to the park", "Twiga Tours & Safaris")]
    [InlineData("morning! The Copper Kettle tearoom, Whitby. cream teas £9", "The Copper Kettle")]
    [InlineData("Hey! Glow Up = lash extensions and brows in Leicester, full set £45", "Glow Up")]
    [InlineData("Hi, SnapFix Laptops @ Westgate Mall. screen and keyboard repairs from S$60", "SnapFix Laptops")]
    [InlineData("hello im Ada 🙂 Ada's Cakes & Treats here in Enugu, birthday cakes from ₦15,000", "Ada's Cakes & Treats")]
    [InlineData("need a site asap, name is bright spark electrical lol. rewires and fuse boards", "bright spark electrical")]
    [InlineData("Sunset paddles and kayak trips at Harbour Light Kayaks near Falmouth, £35 a head", "Harbour Light Kayaks")]
    public void A_name_said_quickly_is_read(string description, string name) =>
        BriefReader.Read(description).BusinessName.Should().BeEquivalentTo(name);

    [Theory]
    [InlineData("hiya, i run greenleaf gardeners in bath. lawns hedges and clearances", "Greenleaf Gardeners", "Bath")]
    [InlineData("we r speedy couriers manchester north, same day parcels across the city", "Speedy Couriers", "Manchester North")]
    [InlineData("mr fix handyman plymouth 🔧 flat pack, shelves, small jobs. £25 an hour", "Mr Fix Handyman", "Plymouth")]
    public void A_name_in_lower_case_ends_at_its_trade_word_and_its_town_comes_after(string description, string name, string place)
    {
        var brief = BriefReader.Read(description);

        brief.BusinessName.Should().Be(name);
        brief.Place.Should().Be(place);
    }

    [Theory]
    [InlineData("Kamau Auto Garage, we service cars in Westlands, Nairobi. call 0711 222 333", "Westlands, Nairobi")]
    [InlineData("Lake Cabins — log cabins to rent on Loch of the Lowes, Dunkeld. from £90 a night", "Loch of the Lowes, Dunkeld")]
    [InlineData("Steel Pan Magic 🎶 Port of Spain. bookings for weddings and fetes", "Port of Spain")]
    [InlineData("Saltwind Charters, Kalkara – fishing trips and harbour cruises from Valletta", "Kalkara")]
    [InlineData("Mobile Tyres Direct - we come to you, Ipswich & surrounds. puncture repair £20", "Ipswich")]
    [InlineData("yo we are Smoky Joe's BBQ trailer parked in denver fri-sun noon-8pm. brisket $14", "Denver")]
    public void The_place_is_read_where_it_is_said(string description, string place) =>
        BriefReader.Read(description).Place.Should().Be(place);

    [Theory]
    [InlineData("Bakes on Market Street, a bakery in Ludlow", "Ludlow")]
    [InlineData("We cut hair in Leeds, Mon-Sat. Call 0113 555 0100", "Leeds")]
    public void A_street_or_a_day_after_the_town_is_not_its_town(string description, string place) =>
        BriefReader.Read(description).Place.Should().Be(place);
}
