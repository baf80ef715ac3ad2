using Navo.EventStore.Embedded;
using Npgsql;

namespace Navo.EventStore.Tests;

public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("navo-embedded-tests-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var cluster = await EmbeddedPostgres.StartAsync(_dataPath, durable: false);
        await cluster.DisposeAsync();
        Directory.Delete(cluster.Root, recursive: true);
        Directory.Delete(_dataPath, recursive: true);
    }

    [Fact]
    public async Task A_cluster_keeps_its_data_across_a_stop_and_a_start()
    {
        await using (var cluster = await EmbeddedPostgres.StartAsync(_dataPath, durable: false))
        {
            await cluster.CreateDatabaseAsync("kept");
            await ExecuteAsync(cluster, "create table notes (text text); insert into notes values ('still here')");
        }

        await using (var cluster = await EmbeddedPostgres.StartAsync(_dataPath, durable: false))
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionStringFor("kept"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select text from notes", connection);
            (await command.ExecuteScalarAsync()).Should().Be("still here");
        }
    }

    [Fact]
    public async Task Starting_a_cluster_that_is_already_running_reuses_it()
    {
        var first = await EmbeddedPostgres.StartAsync(_dataPath, durable: false);
        var second = await EmbeddedPostgres.StartAsync(_dataPath, durable: false);

        second.Port.Should().Be(first.Port);
        second.Root.Should().Be(first.Root);
        await second.DisposeAsync();
    }

    [Fact]
    public void Without_the_server_programs_it_says_how_to_install_them()
    {
        var empty = Directory.CreateTempSubdirectory("navo-no-postgres");
        try
        {
            var find = () => PostgresBinaries.FindIn([empty.FullName]);
            find.Should().Throw<PostgresNotInstalledException>()
                .WithMessage("PostgreSQL is not installed: run 'sudo apt-get install -y postgresql'*");
        }
        finally
        {
            empty.Delete();
        }
    }

    private static async Task ExecuteAsync(EmbeddedPostgres cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionStringFor("kept"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
