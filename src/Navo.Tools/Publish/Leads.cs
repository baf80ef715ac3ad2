using System.Net.Mail;
using Navo.EventStore;

namespace Navo.Tools.Publish;

/// <summary>A message a visitor sent through a site's contact form.</summary>
public sealed record Lead(Guid Id, Guid ProjectId, string Name, string Email, string Message, DateTimeOffset CreatedAt);

/// <summary>What a visitor submitted, before checking.</summary>
public sealed record LeadSubmission(string? Name, string? Email, string? Message, string? Website);

/// <summary>
/// Contact-form messages: checked (required fields, limits, a real-looking e-mail, no markup or control
/// characters), stored tenant-scoped, listed to the workspace. A filled honeypot field is a bot: it is thanked
/// and nothing is stored.
/// </summary>
public sealed class Leads(PostgresEventStore store)
{
    /// <summary>The problems with a submission, in plain words; empty when it can be stored.</summary>
    public static IReadOnlyList<string> Check(LeadSubmission submission)
    {
        var problems = new List<string>();
        Text(problems, "Your name", submission.Name, 200);
        Text(problems, "Your message", submission.Message, 4000);
        var email = submission.Email?.Trim() ?? string.Empty;
        if (email.Length == 0)
        {
            problems.Add("Your e-mail address is needed so we can reply.");
        }
        else if (email.Length > 320 || TextChecks.HasHiddenCharacters(email) || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            problems.Add("That e-mail address does not look right.");
        }

        return problems;
    }

    private static void Text(List<string> problems, string what, string? value, int max)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            problems.Add($"{what} is needed.");
        }
        else if (text.Length > max)
        {
            problems.Add($"{what} can be at most {max:N0} characters.");
        }
        else if (TextChecks.HasHiddenCharacters(text, allowLineBreaks: true)
            || text.Contains("<script", StringComparison.OrdinalIgnoreCase) || text.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{what} contains something that is not allowed.");
        }
    }

    /// <summary>Stores a checked submission for the site's workspace.</summary>
    public async Task StoreAsync(string tenantId, Guid projectId, LeadSubmission submission, CancellationToken cancellationToken)
    {
        // The visitor is anonymous; the row belongs to the site owner's workspace, written under its row-level security.
        await using var session = store.OpenSession(new TenantContext(tenantId, Guid.Empty, []));
        await session.QueryAsync(
            "insert into navo_leads (tenant_id, id, project_id, name, email, message) values ($1, $2, $3, $4, $5, $6) returning 1",
            r => r.GetInt32(0), cancellationToken,
            tenantId, Guid.CreateVersion7(), projectId, submission.Name!.Trim(), submission.Email!.Trim(), submission.Message!.Trim());
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The project's leads, newest first.</summary>
    public async Task<IReadOnlyList<Lead>> ListAsync(TenantContext tenant, Guid projectId, CancellationToken cancellationToken = default)
    {
        await using var session = store.OpenSession(tenant);
        return await ListAsync(session, projectId, cancellationToken);
    }

    public static Task<IReadOnlyList<Lead>> ListAsync(IEventSession session, Guid projectId, CancellationToken cancellationToken) =>
        session.QueryAsync(
            "select id, project_id, name, email, message, created_at from navo_leads where tenant_id = $1 and project_id = $2 order by created_at desc limit 1000",
            r => new Lead(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)),
            cancellationToken, session.Tenant.TenantId, projectId);
}
