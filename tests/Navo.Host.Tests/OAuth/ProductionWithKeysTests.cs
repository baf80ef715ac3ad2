using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Navo.Host.Tests.Support;

namespace Navo.Host.Tests.OAuth;

/// <summary>A Production host given its certificates in configuration offers OAuth over HTTPS only, signing with the one configured.</summary>
public sealed class ProductionWithKeysTests(ProductionWithKeysTests.KeyedProductionHostFactory factory) : IClassFixture<ProductionWithKeysTests.KeyedProductionHostFactory>
{
    [Fact]
    public async Task The_configured_signing_certificate_is_published_and_plain_http_is_refused()
    {
        var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var server = await https.GetFromJsonAsync<JsonElement>("/.well-known/oauth-authorization-server");
        var keys = await https.GetFromJsonAsync<JsonElement>(server.GetProperty("jwks_uri").GetString()!);
        var plain = await factory.CreateClient().GetAsync("/.well-known/oauth-authorization-server");

        server.GetProperty("issuer").GetString().Should().Be("https://localhost/");
        keys.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("x5t").GetString())
            .Should().Equal(Convert.ToBase64String(factory.Signing.GetCertHash()).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        plain.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    public sealed class KeyedProductionHostFactory : NavoHostFactory
    {
        private const string Password = "a password only the tests know";

        public X509Certificate2 Signing { get; } = Certificate("Navo OAuth signing", X509KeyUsageFlags.DigitalSignature);

        private readonly X509Certificate2 _encryption = Certificate("Navo OAuth encryption", X509KeyUsageFlags.KeyEncipherment);

        protected override string EnvironmentName => "Production";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Navo:OAuth:SigningCertificate", Convert.ToBase64String(Signing.Export(X509ContentType.Pkcs12, Password)));
            builder.UseSetting("Navo:OAuth:EncryptionCertificate", Convert.ToBase64String(_encryption.Export(X509ContentType.Pkcs12, Password)));
            builder.UseSetting("Navo:OAuth:CertificatePassword", Password);
        }

        private static X509Certificate2 Certificate(string name, X509KeyUsageFlags usage)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        }
    }
}
