using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests.Mcp;

/// <summary>
/// A live site's MCP endpoint (<c>_navo/mcp</c>) and <c>llms.txt</c>, through the official MCP C# client: exactly what
/// the live version publishes, and a message that becomes a lead within the contact form's own budget.
/// </summary>
public sealed class SiteMcpTests(SiteMcpTests.Host factory) : IClassFixture<SiteMcpTests.Host>
{
    /// <summary>The host with a contact-form budget small enough to run out of in a test.</summary>
    public sealed class Host : NavoHostFactory
    {
        public const int FormsPerMinute = 3;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Navo:Sites:FormsPerMinute", FormsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private readonly HttpClient _owner = factory.Owner;

    /// <summary>
    /// A site with the owner's own prices, hours and contact details, published; then its draft changed (name, e-mail,
    /// a price) without publishing again. Its drafted sample prices, reviews and answers stay sample.
    /// </summary>
    private async Task<(Guid Id, string Slug)> PublishedSiteAsync(string name)
    {
        var created = await (await _owner.PostAsJsonAsync("/api/v1/projects", new { description = $"{name} is a candle shop in Porto.", businessName = name }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        await EditAsync(id,
            new { op = "remove_section", section = "services" },
            new
            {
                op = "add_section", type = "pricing", to = "bottom",
                fields = new Dictionary<string, string> { ["title"] = "Our candles" },
                items = new[] { new { name = "Pillar candle", price = "€18", period = "candle" }, new { name = "Candle workshop", price = "€45", period = "person" } },
            },
            new { op = "set_hours", hours = new[] { new { days = "Tue-Sat", opens = "10:00", closes = "19:00" } } },
            new { op = "set_text", section = "contact", field = "email", value = "ola@example.com" },
            new { op = "set_text", section = "contact", field = "phone", value = "+351 22 000 0000" },
            new { op = "set_text", section = "contact", field = "address", value = "Rua das Flores 12, Porto" },
            new { op = "set_seo", description = "Hand-poured candles from Porto." });
        var live = (await (await _owner.PostAsync($"/api/v1/projects/{id}/publish", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("live");
        await EditAsync(id,
            new { op = "set_name", name = "Renamed Draft" },
            new { op = "set_text", section = "contact", field = "email", value = "draft@example.com" });
        return (id, live.GetProperty("slug").GetString()!);
    }

    private async Task EditAsync(Guid id, params object[] operations)
    {
        var response = await _owner.PostAsJsonAsync($"/api/v1/projects/{id}/operations", new { operations });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> StructuredAsync(McpClient client, string tool)
    {
        var result = await client.CallAsync(tool);
        result.IsError.Should().NotBe(true, result.Text());
        return result.StructuredContent!.Value;
    }

    [Fact]
    public async Task The_endpoint_answers_with_exactly_the_published_facts_and_no_sample_content()
    {
        var (_, slug) = await PublishedSiteAsync("Casa Lume");
        await using var client = await factory.ConnectAsync($"/s/{slug}/_navo/mcp");

        var tools = await client.ListToolsAsync();
        var business = await StructuredAsync(client, "get_business");
        var offerings = await StructuredAsync(client, "list_offerings");
        var hours = await StructuredAsync(client, "get_opening_hours");
        var contact = await StructuredAsync(client, "get_contact_details");
        var pages = await StructuredAsync(client, "read_pages");

        tools.Select(t => t.Name).Should().BeEquivalentTo("get_business", "list_offerings", "get_opening_hours", "get_contact_details", "read_pages", "send_message");
        tools.Where(t => t.Name != "send_message").Should().OnlyContain(t => t.ProtocolTool.Annotations!.ReadOnlyHint == true);
        // The same host serves the workspace's server at /mcp, request by request, each with its own tools.
        await using (var workspace = await factory.ConnectAsync("/mcp", await _owner.ApiKeyAsync("viewer")))
        {
            (await workspace.ListToolsAsync()).Select(t => t.Name).Should().Contain("edit_site").And.NotContain("get_business");
        }

        (await client.ListToolsAsync()).Should().HaveCount(6);
        business.GetProperty("name").GetString().Should().Be("Casa Lume");
        business.GetProperty("description").GetString().Should().Be("Hand-poured candles from Porto.");
        offerings.GetProperty("offerings").EnumerateArray().Select(o => (o.GetProperty("name").GetString(), o.GetProperty("price").GetString(), o.GetProperty("period").GetString()))
            .Should().Equal(("Pillar candle", "€18", "candle"), ("Candle workshop", "€45", "person"));
        hours.GetProperty("hours").EnumerateArray().Select(h => (h.GetProperty("days").GetString(), h.GetProperty("opens").GetString(), h.GetProperty("closes").GetString()))
            .Should().Equal(("Tue-Sat", "10:00", "19:00"));
        contact.GetProperty("email").GetString().Should().Be("ola@example.com");
        contact.GetProperty("phone").GetString().Should().Be("+351 22 000 0000");
        contact.GetProperty("address").GetString().Should().Be("Rua das Flores 12, Porto");
        contact.EnumerateObject().Select(p => p.Name).Should().Equal(["email", "phone", "address"], "send_message always takes a message: there is no flag to get wrong");
        var text = string.Join("\n", pages.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("text").GetString()));
        text.Should().Contain("Pillar candle — €18 — candle").And.Contain("Casa Lume")
            .And.NotContain("Renamed Draft").And.NotContain("draft@example.com")
            // The drafted sample prices and reviews are not the business's facts.
            .And.NotContain("Small piece").And.NotContain("Our commission turned out better than we imagined.");
    }

    [Fact]
    public async Task The_endpoint_and_llms_txt_answer_on_the_sites_own_host_too()
    {
        var (_, slug) = await PublishedSiteAsync("Vela Norte");
        await using var client = await factory.ConnectAsync("/_navo/mcp", host: $"{slug}.navo.test");
        var client2 = factory.CreateClient();
        client2.BaseAddress = new Uri($"http://{slug}.navo.test/");

        var business = await StructuredAsync(client, "get_business");
        var llms = await client2.GetAsync("/llms.txt");

        business.GetProperty("name").GetString().Should().Be("Vela Norte");
        llms.StatusCode.Should().Be(HttpStatusCode.OK);
        (await llms.Content.ReadAsStringAsync()).Should().Contain("- [Home](/)").And.Contain("- [MCP endpoint](/_navo/mcp)");
    }

    [Fact]
    public async Task Llms_txt_is_the_published_business_in_markdown()
    {
        var (_, slug) = await PublishedSiteAsync("Luz de Lisboa");

        var response = await factory.CreateClient().GetAsync($"/s/{slug}/llms.txt");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().Be($"""
            # Luz de Lisboa

            > Hand-poured candles from Porto.

            ## Offerings

            - Pillar candle: €18 per candle
            - Candle workshop: €45 per person

            ## Opening hours

            - Tue-Sat: 10:00–19:00

            ## Contact

            - E-mail: ola@example.com
            - Phone: +351 22 000 0000
            - Address: Rua das Flores 12, Porto

            ## Pages

            - [Home](/s/{slug}/)

            ## For assistants

            - [MCP endpoint](/s/{slug}/_navo/mcp): the facts above as tools, and send_message to write to the owner

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task An_address_with_no_live_site_has_no_facts()
    {
        await using var client = await factory.ConnectAsync("/s/no-such-site/_navo/mcp");

        var result = await client.CallAsync("get_business");

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("There is no live site at this address.");
        (await factory.CreateClient().GetAsync("/s/no-such-site/llms.txt")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_message_becomes_a_lead_is_checked_like_the_form_and_shares_its_budget()
    {
        var (id, slug) = await PublishedSiteAsync("Chama Viva");
        await using var client = await factory.ConnectAsync($"/s/{slug}/_navo/mcp");

        var bad = await client.CallAsync("send_message", new { name = "Ana", email = "not-an-email", message = "Hello" });
        var sent = await client.CallAsync("send_message", new { name = "Ana Silva", email = "ana@example.com", message = "Do you make unscented candles?" });

        bad.IsError.Should().BeTrue();
        bad.Text().Should().Contain("That e-mail address does not look right.");
        sent.IsError.Should().NotBe(true, sent.Text());
        sent.Text().Should().Be("The message was sent to Chama Viva. They will reply to ana@example.com.");
        var leads = await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/leads");
        leads.EnumerateArray().Select(l => (l.GetProperty("name").GetString(), l.GetProperty("email").GetString(), l.GetProperty("message").GetString()))
            .Should().Equal(("Ana Silva", "ana@example.com", "Do you make unscented candles?"));

        // Every attempt counts, as every post of the form does: the bad one and the sent one took two of this minute's
        // budget; the rest goes, then the tool and the form are both refused.
        for (var i = 2; i < Host.FormsPerMinute; i++)
        {
            (await client.CallAsync("send_message", new { name = "Ana Silva", email = "ana@example.com", message = $"Message {i}" })).IsError.Should().NotBe(true);
        }

        var limited = await client.CallAsync("send_message", new { name = "Ana Silva", email = "ana@example.com", message = "One too many" });
        var form = await factory.CreateClient().PostAsync($"/s/{slug}/_navo/form",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Rui", ["email"] = "rui@example.com", ["message"] = "Hello" }));

        limited.IsError.Should().BeTrue();
        limited.Text().Should().Contain("Too many messages from this address.");
        form.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await _owner.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/leads")).GetArrayLength().Should().Be(Host.FormsPerMinute - 1);
    }
}
