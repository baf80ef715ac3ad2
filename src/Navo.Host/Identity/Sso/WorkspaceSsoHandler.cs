using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Navo.Host.Identity.Sso;

/// <summary>
/// ASP.NET Core's OpenID Connect handler (authorization code with PKCE, state, nonce, token validation) reading its
/// options from <see cref="WorkspaceSsoOptions"/>, so that one registered scheme serves every workspace's provider.
/// </summary>
public sealed class WorkspaceSsoHandler(WorkspaceSsoOptions options, ILoggerFactory logger, HtmlEncoder htmlEncoder, UrlEncoder encoder)
    : OpenIdConnectHandler(options, logger, htmlEncoder, encoder);
