using System;
using System.Threading.Tasks;
using Npgsql;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// The PostgreSQL server of the tests, named by <c>CONTACTSSDK_POSTGRES</c> (which
/// <c>scripts/with-postgres.sh</c> sets). Without it a test is skipped locally, and fails under CI
/// (<c>CI=true</c>), where skipping would hide that the PostgreSQL store went untested.
/// </summary>
/// <remarks>
/// Each test works in a schema of its own, created here and dropped on dispose, so tests neither
/// see each other's rows nor need a database each.
/// </remarks>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding the server's connection string.</summary>
    public const string Variable = "CONTACTSSDK_POSTGRES";

    private readonly string _serverConnectionString;

    private PostgresTestDatabase(string serverConnectionString, string schema)
    {
        _serverConnectionString = serverConnectionString;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { SearchPath = schema }.ToString();
    }

    /// <summary>The schema this test works in.</summary>
    public string Schema { get; }

    /// <summary>A connection string whose search path is the test's schema.</summary>
    public string ConnectionString { get; }

    /// <summary>The server's connection string; skips (locally) or fails (under CI) when there is none.</summary>
    public static string RequireServer()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }
        var message = $"{Variable} is not set, so the PostgreSQL tests cannot run: run the tests through scripts/with-postgres.sh.";
        if (IsCi)
        {
            throw new InvalidOperationException(message + " Under CI they must run.");
        }
        throw new SkipException(message);
    }

    /// <summary>Creates an empty schema for one test.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = RequireServer();
        var database = new PostgresTestDatabase(server, "test_" + Guid.NewGuid().ToString("N"));
        await database.ExecuteOnServerAsync($"CREATE SCHEMA {database.Schema}");
        return database;
    }

    /// <summary>Runs one statement in the test's schema and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static bool IsCi => Environment.GetEnvironmentVariable("CI") is { } ci
        && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");
}
