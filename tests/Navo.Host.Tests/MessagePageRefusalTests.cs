using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests;

/// <summary>
/// Paging parameters of <c>GET …/messages</c> that are too large, too small or not numbers: 400 with problem details
/// and no stack trace, in every environment the host starts in (the framework reports a query it cannot bind itself).
/// </summary>
public abstract class MessagePageRefusalTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : NavoHostFactory
{
    public static TheoryData<string> Queries() =>
    [
        "limit=0", "limit=201", "limit=-1", "limit=100000000000", "limit=abc", "limit=1.5", "limit=1e3", "limit=%00",
        "before=0", "before=-5", "before=x", "before=99999999999999999999",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_page_out_of_range_or_not_a_number_answers_400_with_problem_details(string query)
    {
        var owner = factory.Owner;
        var conversation = (await (await owner.PostAsync("/api/v1/conversations", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await owner.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "hello" })).EnsureSuccessStatusCode();

        var response = await owner.GetAsync($"/api/v1/conversations/{conversation}/messages?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32().Should().Be(400);
        body.Should().NotContain("Exception").And.NotContain("   at ");
    }
}

public sealed class MessagePageRefusalTestsInTesting(NavoHostFactory factory) : MessagePageRefusalTests<NavoHostFactory>(factory);

public sealed class MessagePageRefusalTestsInDevelopment(DevelopmentHostFactory factory) : MessagePageRefusalTests<DevelopmentHostFactory>(factory);

public sealed class MessagePageRefusalTestsInProduction(ProductionHostFactory factory) : MessagePageRefusalTests<ProductionHostFactory>(factory);
