using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Navo.Host.Tests.Support;
using Navo.Testing;

namespace Navo.Host.Tests;

/// <summary>Members, roles, invitations and API keys, through the API a workspace's owner uses.</summary>
public sealed class WorkspaceTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    private static async Task<Guid> UserIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("userId").GetGuid();

    [Fact]
    public async Task An_invitation_joins_a_new_account_with_its_role_once()
    {
        var owner = await factory.SignUpAsync();
        var invitation = await owner.InviteAsync("editor");

        var editor = await factory.SignUpAsync(invitation);

        var me = await editor.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("workspace").GetProperty("role").GetString().Should().Be("editor");
        (await editor.PostAsJsonAsync("/api/v1/projects", new { description = "Invited Bakery is a bakery in Faro." })).StatusCode.Should().Be(HttpStatusCode.Created);
        var again = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = TestAccounts.NewEmail(), password = TestAccounts.Password, invitation });
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest, "an invitation works once");
    }

    [Fact]
    public async Task An_existing_account_accepts_an_invitation_and_can_sign_in_to_either_workspace()
    {
        var owner = await factory.SignUpAsync();
        var other = factory.CreateClient();
        var email = TestAccounts.NewEmail();
        await other.SignInAsync(email);
        var ownWorkspace = (await other.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("workspace").GetProperty("id").GetString();

        var joined = await other.PostAsJsonAsync("/api/v1/invitations/accept", new { invitation = await owner.InviteAsync("viewer") });

        joined.StatusCode.Should().Be(HttpStatusCode.OK);
        var sharedWorkspace = (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        sharedWorkspace.Should().NotBe(ownWorkspace);
        var signIn = await other.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestAccounts.Password, workspace = sharedWorkspace });
        (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString().Should().Be("viewer");
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("workspaces").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Changing_a_role_takes_effect_on_the_next_request_and_removing_a_member_locks_them_out()
    {
        var owner = await factory.SignUpAsync();
        var member = await factory.MemberAsync("editor", owner);
        var memberId = await UserIdAsync(member);

        (await owner.PutAsJsonAsync($"/api/v1/workspace/members/{memberId}", new { role = "viewer" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await member.PostAsJsonAsync("/api/v1/projects", new { description = "Demoted Deli is a deli in Porto." })).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await owner.DeleteAsync($"/api/v1/workspace/members/{memberId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await member.GetAsync("/api/v1/projects")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the access token is checked against the membership");
        (await owner.GetFromJsonAsync<JsonElement[]>("/api/v1/workspace/members"))!.Should().ContainSingle();
    }

    [Fact]
    public async Task The_last_owner_cannot_be_demoted_or_removed()
    {
        var owner = await factory.SignUpAsync();
        var ownerId = await UserIdAsync(owner);

        (await owner.PutAsJsonAsync($"/api/v1/workspace/members/{ownerId}", new { role = "editor" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await owner.DeleteAsync($"/api/v1/workspace/members/{ownerId}")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await owner.PutAsJsonAsync($"/api/v1/workspace/members/{ownerId}", new { role = "king" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_api_key_acts_with_its_role_until_it_is_revoked_and_is_shown_only_once()
    {
        var owner = await factory.SignUpAsync();
        var created = await (await owner.PostAsJsonAsync("/api/v1/workspace/api-keys", new { name = "Reporting", role = "viewer" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("apiKey").GetProperty("id").GetGuid();
        var script = factory.CreateClient();
        script.DefaultRequestHeaders.Add("X-Api-Key", key);

        (await script.GetAsync("/api/v1/projects")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await script.PostAsJsonAsync("/api/v1/projects", new { description = "Keyed Kiosk is a kiosk in Lisbon." })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var listed = await owner.GetStringAsync("/api/v1/workspace/api-keys");
        listed.Should().Contain("Reporting").And.NotContain(key);

        (await owner.DeleteAsync($"/api/v1/workspace/api-keys/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await script.GetAsync("/api/v1/projects")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await owner.DeleteAsync($"/api/v1/workspace/api-keys/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Api_keys_are_for_editors_and_viewers_only(string? role)
    {
        var owner = await factory.SignUpAsync();

        var response = await owner.PostAsJsonAsync("/api/v1/workspace/api-keys", new { name = "Too strong", role });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await owner.GetFromJsonAsync<JsonElement[]>("/api/v1/workspace/api-keys")).Should().BeEmpty();
    }
}
