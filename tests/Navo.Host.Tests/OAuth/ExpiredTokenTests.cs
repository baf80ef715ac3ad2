using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Tests.Support;
using Navo.Testing.Identity;
using OpenIddict.Validation;

namespace Navo.Host.Tests.OAuth;

/// <summary>An access token past its lifetime is refused at <c>/mcp</c>: the validation's clock is moved on, as time would.</summary>
public sealed class ExpiredTokenTests(ExpiredTokenTests.ShiftedClockHostFactory factory) : IClassFixture<ExpiredTokenTests.ShiftedClockHostFactory>
{
    [Fact]
    public async Task An_access_token_past_its_lifetime_is_refused_with_the_challenge()
    {
        var flow = new OAuthFlow(factory);
        var (_, tokens) = await flow.TokensAsync(await flow.PersonAsync());
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        (await flow.ListToolsAsync(accessToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        // Fifteen minutes is the lifetime; the 30 seconds of skew allowed are well inside an hour.
        factory.Clock.Offset = TimeSpan.FromHours(1);
        var expired = await flow.ListToolsAsync(accessToken);

        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        expired.Headers.WwwAuthenticate.Single().Parameter.Should().Contain("resource_metadata=");
    }

    public sealed class ShiftedClockHostFactory : NavoHostFactory
    {
        public ShiftedTime Clock { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.Configure<OpenIddictValidationOptions>(options => options.TimeProvider = Clock);
    }
}
