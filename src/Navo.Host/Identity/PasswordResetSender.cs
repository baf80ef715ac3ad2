using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Navo.Host.Identity;

/// <summary>Delivers a password-reset link.</summary>
public interface IPasswordResetSender
{
    Task SendAsync(string email, string token, CancellationToken cancellationToken);
}

/// <summary><c>Navo:Smtp</c>: where reset e-mails go out. Without a host, Development logs the link instead.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Navo:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    /// <summary>From user secrets or the environment only.</summary>
    public string? Password { get; set; }

    public bool EnableSsl { get; set; } = true;

    public string From { get; set; } = "navo@localhost";

    /// <summary>The address of the reset page in links, such as <c>https://navo.example/reset-password</c>.</summary>
    public string ResetUrl { get; set; } = "/reset-password";
}

/// <summary>Sends the link over SMTP when configured; in Development without SMTP, writes it to the log.</summary>
public sealed partial class PasswordResetSender(IOptions<SmtpOptions> options, IHostEnvironment environment, ILogger<PasswordResetSender> logger)
    : IPasswordResetSender
{
    public async Task SendAsync(string email, string token, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var link = $"{smtp.ResetUrl}#token={token}";
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (environment.IsDevelopment())
            {
                LogResetLink(email, link);
            }
            else
            {
                LogNoSmtp();
            }

            return;
        }

        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (smtp.UserName is { Length: > 0 })
        {
            client.Credentials = new System.Net.NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var message = new MailMessage(smtp.From, email, "Reset your Navo password",
            $"Someone asked to reset the password of your Navo account. If it was you, open this link within the hour:\n\n{link}\n\nIf not, ignore this e-mail.");
        await client.SendMailAsync(message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset for {Email} (Development, no SMTP): {Link}")]
    private partial void LogResetLink(string email, string link);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A password reset was asked for, but Navo:Smtp:Host is not set: no e-mail was sent")]
    private partial void LogNoSmtp();
}
