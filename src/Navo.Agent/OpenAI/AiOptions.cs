using System.ComponentModel.DataAnnotations;

namespace Navo.Agent.OpenAI;

/// <summary><c>Navo:Ai</c>: which chat client answers, and how to reach an OpenAI-compatible one.</summary>
public sealed class AiOptions : IValidatableObject
{
    public const string Section = "Navo:Ai";

    /// <summary><c>local</c> (default, offline) or <c>openai</c> (any OpenAI-compatible endpoint).</summary>
    public AiProvider Provider { get; set; } = AiProvider.Local;

    /// <summary>For example <c>https://api.openai.com/v1</c> or <c>http://localhost:11434/v1</c> (Ollama).</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>From configuration only (user secrets, environment); never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one request to the model may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries on 429 and 5xx, with exponential back-off.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Provider))
        {
            yield return new ValidationResult("Navo:Ai:Provider must be 'local' or 'openai'.", [nameof(Provider)]);
        }

        if (Provider == AiProvider.OpenAI && Endpoint is null)
        {
            yield return new ValidationResult("Navo:Ai:Endpoint is required when Navo:Ai:Provider is 'openai'.", [nameof(Endpoint)]);
        }

        if (Provider == AiProvider.OpenAI && string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult("Navo:Ai:Model is required when Navo:Ai:Provider is 'openai'.", [nameof(Model)]);
        }
    }
}

/// <summary>Which chat client answers (<c>Navo:Ai:Provider</c>, read in any case).</summary>
public enum AiProvider
{
    /// <summary>Navo's own offline language understanding.</summary>
    Local,

    /// <summary>Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI v1, Ollama, vLLM.</summary>
    OpenAI,
}
