using Microsoft.Extensions.DependencyInjection;
using Navo.Host.Tests.Support;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Navo.Host.Tests.OAuth;

/// <summary>OpenIddict's managers over Navo's PostgreSQL stores: the lookups, revocations and pruning the flows use less often.</summary>
public sealed class OAuthStoreTests(NavoHostFactory factory) : IClassFixture<NavoHostFactory>
{
    [Fact]
    public async Task Authorizations_are_found_by_subject_client_status_type_and_scopes_and_revoked_by_the_same_filters()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
        var application = await applications.CreateAsync(new OpenIddictApplicationDescriptor { ClientId = "store-" + Guid.NewGuid().ToString("N"), ClientType = ClientTypes.Public });
        var client = (await applications.GetIdAsync(application))!;
        var subject = Guid.NewGuid().ToString();
        await authorizations.CreateAsync(new OpenIddictAuthorizationDescriptor
        {
            ApplicationId = client, Subject = subject, Status = Statuses.Valid, Type = AuthorizationTypes.Permanent, Scopes = { "mcp", Scopes.OfflineAccess },
            CreationDate = DateTimeOffset.UtcNow,
        });

        var withMcp = await authorizations.FindAsync(subject, client, Statuses.Valid, AuthorizationTypes.Permanent, ["mcp"]).ToListAsync();
        var withOther = await authorizations.FindAsync(subject, client, Statuses.Valid, AuthorizationTypes.Permanent, ["openid"]).ToListAsync();
        var otherSubject = await authorizations.FindAsync(Guid.NewGuid().ToString(), client, null, null, null).ToListAsync();
        var revoked = await authorizations.RevokeAsync(subject, client, null, null);

        withMcp.Should().ContainSingle();
        withOther.Should().BeEmpty();
        otherSubject.Should().BeEmpty();
        revoked.Should().Be(1);
        (await authorizations.GetStatusAsync(await authorizations.FindBySubjectAsync(subject).SingleAsync())).Should().Be(Statuses.Revoked);
    }

    [Fact]
    public async Task Tokens_are_found_and_revoked_by_subject_client_status_and_type()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var application = await applications.CreateAsync(new OpenIddictApplicationDescriptor { ClientId = "store-" + Guid.NewGuid().ToString("N"), ClientType = ClientTypes.Public });
        var client = (await applications.GetIdAsync(application))!;
        var subject = Guid.NewGuid().ToString();
        foreach (var type in new[] { TokenTypeHints.AccessToken, TokenTypeHints.RefreshToken })
        {
            await tokens.CreateAsync(new OpenIddictTokenDescriptor
            {
                ApplicationId = client, Subject = subject, Status = Statuses.Valid, Type = type, CreationDate = DateTimeOffset.UtcNow,
                ExpirationDate = DateTimeOffset.UtcNow.AddHours(1),
            });
        }

        var refreshTokens = await tokens.FindAsync(subject, client, Statuses.Valid, TokenTypeHints.RefreshToken).ToListAsync();
        var ofAnyone = await tokens.FindAsync(null, client, null, null).ToListAsync();
        var ofAnotherClient = await tokens.FindAsync(subject, Guid.NewGuid().ToString(), null, null).ToListAsync();
        var revoked = await tokens.RevokeAsync(subject, client, Statuses.Valid, TokenTypeHints.AccessToken);

        refreshTokens.Should().ContainSingle();
        ofAnyone.Should().HaveCount(2);
        ofAnotherClient.Should().BeEmpty();
        revoked.Should().Be(1);
        (await tokens.FindAsync(subject, client, Statuses.Revoked, null).ToListAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task Old_tokens_that_can_no_longer_be_used_are_pruned_and_valid_ones_kept()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var subject = Guid.NewGuid().ToString();
        var old = DateTimeOffset.UtcNow.AddDays(-30);
        foreach (var (status, expires) in new[] { (Statuses.Valid, DateTimeOffset.UtcNow.AddDays(1)), (Statuses.Revoked, DateTimeOffset.UtcNow.AddDays(1)), (Statuses.Valid, old.AddMinutes(15)) })
        {
            await tokens.CreateAsync(new OpenIddictTokenDescriptor
            {
                Subject = subject, Status = status, Type = TokenTypeHints.AccessToken, CreationDate = old, ExpirationDate = expires,
            });
        }

        await tokens.PruneAsync(DateTimeOffset.UtcNow.AddDays(-1));

        var left = await tokens.FindBySubjectAsync(subject).ToListAsync();
        left.Should().ContainSingle();
        (await tokens.GetStatusAsync(left[0])).Should().Be(Statuses.Valid);
        (await tokens.RevokeBySubjectAsync(subject)).Should().Be(1);
    }
}
