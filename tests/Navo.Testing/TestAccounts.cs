using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Navo.Testing;

/// <summary>Real accounts for tests: register (or sign in) through the API and carry the access token.</summary>
public static class TestAccounts
{
    public const string Password = "a long test password";

    /// <summary>A fresh address no other test uses.</summary>
    public static string NewEmail(string who = "owner") => $"{who}-{Guid.NewGuid():N}@example.com";

    /// <summary>
    /// Signs <paramref name="client"/> in as <paramref name="email"/>, registering the account (in a workspace of its
    /// own, or the one <paramref name="invitation"/> names) when it does not exist yet; returns the token answer.
    /// </summary>
    public static async Task<JsonElement> SignInAsync(this HttpClient client, string email, string? invitation = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response = await client.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, invitation });
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        return tokens;
    }

    /// <summary>An invitation to <paramref name="owner"/>'s workspace with <paramref name="role"/>.</summary>
    public static async Task<string> InviteAsync(this HttpClient owner, string role)
    {
        var response = await owner.PostAsJsonAsync("/api/v1/workspace/invitations", new { role });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Inviting a {role} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
