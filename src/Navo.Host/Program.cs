using Navo.EventStore;
using Navo.EventStore.Embedded;
using Navo.Host;
using Navo.Host.Analytics;
using Navo.Host.Apis;
using Navo.Host.Database;
using Navo.Host.Identity;
using Navo.Host.Logging;
using Navo.Host.Mcp;
using Navo.Host.OAuth;
using Navo.Host.Suggestions;
using Navo.Host.Telemetry;

// CLI verbs that need no database.
if (args is ["schema", ..])
{
    // dotnet run --project src/Navo.Host -- schema > docs/site-schema.json
    Console.Out.Write(Navo.Tools.Sites.SiteSchema.Json());
    return 0;
}

if (args is ["tools", ..])
{
    // dotnet run --project src/Navo.Host -- tools > docs/tools.json
    Console.Out.Write(Navo.Agent.Tools.NavoTools.SchemasJson());
    return 0;
}

if (args is ["plan", .. var planArgs])
{
    // dotnet run --project src/Navo.Host -- plan "make it dark"   |   ... -- plan --stdin < messages.txt
    return await PlanCommand.RunAsync(planArgs, Console.In, Console.Out);
}

if (args is ["train", .. var trainArgs])
{
    // dotnet run --project src/Navo.Host -- train   (in the repository: renews prompts/local/model/ from the phrasings)
    return TrainCommand.Run(trainArgs, Console.Out);
}

if (args is ["migrate", .. var migrateArgs])
{
    // dotnet Navo.Host.dll migrate   (with the host's configuration: creates or updates the schema, then exits)
    return await MigrateCommand.RunAsync(migrateArgs);
}

if (args is ["backup", .. var backupArgs])
{
    // dotnet Navo.Host.dll backup navo.backup   (the database and the data folder's files, in one file; docs/operations.md)
    return await BackupCommand.BackupAsync(backupArgs, Console.Out, Console.Error);
}

if (args is ["restore", .. var restoreArgs])
{
    // dotnet Navo.Host.dll restore navo.backup [--force]   (into a fresh data folder or an empty database)
    return await BackupCommand.RestoreAsync(restoreArgs, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddNavoLogging();
builder.AddNavoTelemetry();
builder.AddNavoDatabase();
builder.AddNavoAnalytics();
builder.AddNavoSuggestions();
builder.AddNavoIdentity();
builder.AddNavoApi();
builder.AddNavoMcp();
builder.AddNavoOAuth();

var app = builder.Build();
app.UseNavoApi();
app.MapNavoMcp();
app.MapNavoOAuth();
app.PrintStudioAddressOnStart();
try
{
    await app.RunAsync();
    return 0;
}
catch (Exception stop) when (stop is PostgresNotInstalledException or SchemaOutOfDateException)
{
    // One clear sentence on how to fix it, as the last thing printed.
    await Console.Error.WriteLineAsync(stop.Message);
    return 1;
}

/// <summary>The host's entry point; public so that tests can start it in-process.</summary>
public partial class Program;
