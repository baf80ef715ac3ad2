namespace Navo.Host.Suggestions;

public static class SuggestionsSetup
{
    /// <summary><c>Navo:Suggestions</c> validated at start, and the daily round (registered after the database, which it needs).</summary>
    public static WebApplicationBuilder AddNavoSuggestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SuggestionOptions>().BindConfiguration(SuggestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DailySuggestions>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DailySuggestions>());
        return builder;
    }
}
