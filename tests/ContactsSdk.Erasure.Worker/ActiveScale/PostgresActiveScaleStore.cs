using System;
using System.Data.Common;
using System.Threading.Tasks;
using Npgsql;

namespace ContactsSdk.Erasure.Worker.ActiveScale;

/// <summary>
/// A new schema on the PostgreSQL server named by <c>CONTACTSSDK_POSTGRES</c>, holding the ledger and
/// Quartz's clustered job store, as <c>UsePostgres</c> sets them up; dropped when the run is over.
/// </summary>
internal sealed class PostgresActiveScaleStore : ActiveScaleStore
{
    public const string Variable = "CONTACTSSDK_POSTGRES";

    private readonly string _server;
    private readonly string _schema;
    private readonly string _connectionString;

    private PostgresActiveScaleStore(string server, string schema)
    {
        _server = server;
        _schema = schema;
        _connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }

    public override string Kind => "postgres";

    public static async Task<PostgresActiveScaleStore> CreateAsync(string name)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new ArgumentException($"{Variable} is not set: run the PostgreSQL measurement through scripts/with-postgres.sh.");
        }
        var store = new PostgresActiveScaleStore(server, "scale_" + name.Replace('-', '_') + "_" + Guid.NewGuid().ToString("N")[..8]);
        await store.ExecuteOnServerAsync($"CREATE SCHEMA {store._schema}");
        return store;
    }

    public override void Configure(ErasureOptions options) => options.UsePostgres(_connectionString);

    public override async Task<(long Ledger, long Quartz)> SizesAsync()
    {
        const string Tables = "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = current_schema()";
        var all = await ScalarAsync(Tables);
        var quartz = await ScalarAsync(Tables + " AND c.relname LIKE 'qrtz%'");
        return (all - quartz, quartz);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }

    protected override DbConnection CreateConnection() => new NpgsqlConnection(_connectionString);

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
