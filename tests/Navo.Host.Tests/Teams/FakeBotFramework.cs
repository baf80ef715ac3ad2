using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Navo.Host.Tests.Teams;

/// <summary>
/// One call Navo made to the fake Connector: the method, the conversation, the activity replied to or updated, the
/// bearer token and the activity; when it came, and the status it was answered with.
/// </summary>
public sealed record ConnectorCall(string Method, string Conversation, string? ActivityId, string? Token, JsonObject Activity)
{
    public DateTime At { get; } = DateTime.UtcNow;

    public int Status { get; init; } = StatusCodes.Status200OK;
}

/// <summary>A signing key of the fake Bot Framework: its RSA key, id and the channels it is endorsed for.</summary>
public sealed record TestSigningKey(RSA Rsa, string Kid, string[] Endorsements)
{
    public static TestSigningKey New(string kid, params string[] endorsements) => new(RSA.Create(2048), kid, endorsements.Length == 0 ? ["msteams"] : endorsements);

    public JsonObject Jwk()
    {
        var parameters = Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = Kid, ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)e)]),
        };
    }
}

/// <summary>
/// Stands in for the Bot Framework: its OpenID metadata (the captured document, its <c>jwks_uri</c> pointed here) and
/// keys, the token endpoint, and the Connector (under <see cref="ServiceUrl"/>), on a Kestrel server on a free local
/// port. It records every call, and signs tokens as the Bot Framework's channel service does.
/// </summary>
public sealed class FakeBotFramework : IAsyncDisposable
{
    public const string AppId = "6a4f1e1c-7d55-4d0e-9b1b-0c1f5b2c3d4e";
    public const string AppPassword = "the-app-password";
    public const string ConnectorToken = "connector-token-1";

    private readonly WebApplication _app;
    private int _activityIds;

    public string BaseUrl { get; }

    /// <summary>The service URL activities name (a regional path, as Teams' have).</summary>
    public string ServiceUrl => BaseUrl + "amer/";

    public string MetadataUrl => BaseUrl + "v1/.well-known/openidconfiguration";

    public string TokenUrl => BaseUrl + "botframework.com/oauth2/v2.0/token";

    /// <summary>The keys the key set serves now (the first endorsed for Teams, the second only for another channel); a test rotates them.</summary>
    public List<TestSigningKey> Keys { get; } = [TestSigningKey.New("key-1"), TestSigningKey.New("key-skype", "skype")];

    public int KeySetFetches;

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    /// <summary>When set, the status the Connector answers a call with instead of taking it (as it answers 400 to a card it cannot read); null takes it.</summary>
    public Func<ConnectorCall, int?>? Refuse { get; set; }

    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    private FakeBotFramework(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public static async Task<FakeBotFramework> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeBotFramework? fake = null;
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Teams", "Fixtures", "botframework_openid_metadata.json")))!.AsObject();
            metadata["jwks_uri"] = fake!.BaseUrl + "v1/.well-known/keys";
            return Results.Text(metadata.ToJsonString(), "application/json");
        });
        app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref fake!.KeySetFetches);
            lock (fake.Keys)
            {
                return Results.Text(new JsonObject { ["keys"] = new JsonArray([.. fake.Keys.Select(k => (JsonNode)k.Jwk())]) }.ToJsonString(), "application/json");
            }
        });
        app.MapPost("/botframework.com/oauth2/v2.0/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            fake!.TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = ConnectorToken });
        });
        app.MapMethods("/amer/v3/conversations/{conversation}/activities/{activityId?}", ["POST", "PUT"],
            async (string conversation, string? activityId, HttpContext http) => await fake!.RecordAsync(conversation, activityId, http));
        await app.StartAsync();
        fake = new FakeBotFramework(app, app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    private async Task<IResult> RecordAsync(string conversation, string? activityId, HttpContext http)
    {
        var activity = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        var authorization = http.Request.Headers.Authorization.ToString();
        var call = new ConnectorCall(http.Request.Method, conversation, activityId,
            authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..] : null, activity);
        if (Refuse?.Invoke(call) is { } status)
        {
            Calls.Enqueue(call with { Status = status });
            return Results.Json(new { error = new { code = "BadArgument", message = "The activity was refused." } }, statusCode: status);
        }

        Calls.Enqueue(call);
        return Results.Json(new { id = http.Request.Method == "PUT" ? activityId : $"1:{Interlocked.Increment(ref _activityIds):D6}" });
    }

    /// <summary>A new signing key replaces the old ones (a rotation): its id is new. The keys served before, to put back.</summary>
    public (TestSigningKey Key, TestSigningKey[] Before) Rotate(string kid)
    {
        var key = TestSigningKey.New(kid);
        lock (Keys)
        {
            var before = Keys.ToArray();
            Keys.Clear();
            Keys.Add(key);
            return (key, before);
        }
    }

    public void Restore(TestSigningKey[] keys)
    {
        lock (Keys)
        {
            Keys.Clear();
            Keys.AddRange(keys);
        }
    }

    /// <summary>A token as the Bot Framework's channel service signs it, for <paramref name="serviceUrl"/>; each part can be made wrong.</summary>
    public string Token(string? serviceUrl = null, TestSigningKey? key = null, string? kid = null, string audience = AppId,
        string issuer = "https://api.botframework.com", DateTime? expires = null, bool withServiceUrl = true)
    {
        key ??= Keys[0];
        var now = DateTime.UtcNow;
        var end = expires ?? now.AddHours(1);
        var claims = new Dictionary<string, object>();
        if (withServiceUrl)
        {
            claims["serviceurl"] = serviceUrl ?? ServiceUrl;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = end.AddHours(-1),
            NotBefore = end.AddHours(-1),
            Expires = end,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = kid ?? key.Kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    public IReadOnlyList<ConnectorCall> Messages => [.. Calls.Where(c => c.Activity["type"]?.GetValue<string>() == "message")];

    /// <summary>Waits until <paramref name="count"/> calls satisfy <paramref name="match"/>.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForAsync(Func<ConnectorCall, bool> match, int count = 1, int seconds = 90)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (Calls.Count(match) < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Calls.Count(match)} matching Connector calls, not {count}: "
                    + string.Join(" | ", Calls.Select(c => $"{c.Method} {c.ActivityId} {c.Activity.ToJsonString()[..Math.Min(200, c.Activity.ToJsonString().Length)]}")));
            }

            await Task.Delay(100);
        }

        return [.. Calls.Where(match)];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
