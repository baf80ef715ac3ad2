using Navo.Host;
using Navo.Host.Apis;
using Navo.Host.Database;
using Navo.Host.Logging;

var builder = WebApplication.CreateBuilder(args);
builder.AddNavoLogging();
builder.AddNavoDatabase();
builder.AddNavoApi();

var app = builder.Build();
app.UseNavoApi();
app.PrintStudioAddressOnStart();
await app.RunAsync();

/// <summary>The host's entry point; public so that tests can start it in-process.</summary>
public partial class Program;
