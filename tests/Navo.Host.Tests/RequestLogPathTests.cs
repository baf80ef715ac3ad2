using Navo.Host.Logging;

namespace Navo.Host.Tests;

/// <summary>The request log's line names a shared preview without its token, which is the key to it for a day.</summary>
public sealed class RequestLogPathTests
{
    [Theory]
    [InlineData("/preview/shared/CfDJ8Abc-def_123/", "/preview/shared/…/")]
    [InlineData("/preview/shared/CfDJ8Abc-def_123/about", "/preview/shared/…/about")]
    [InlineData("/preview/shared/CfDJ8Abc-def_123", "/preview/shared/…")]
    [InlineData("/api/v1/projects", "/api/v1/projects")]
    [InlineData("/s/crumb/_navo/event", "/s/crumb/_navo/event")]
    public void A_shared_previews_token_is_not_written_to_the_log(string path, string logged) =>
        LoggingSetup.WithoutKeys(path).Should().Be(logged);
}
