using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage.Sqlite;
using ContactsSdk.Erasure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Configuration;

/// <summary>
/// <c>AddContactsErasure(configuration.GetSection("Erasure"))</c>: every plain option binds under its
/// own name, the store follows <c>Sqlite:Path</c> or <c>PostgreSQL:ConnectionString</c> (ledger and
/// Quartz's job store alike), and a setting that cannot work fails the host's start, named.
/// </summary>
public sealed class ErasureConfigurationTests : IDisposable
{
    private static readonly string Key = Convert.ToBase64String(ErasureHarness.TestKey);

    private readonly TempDirectory _directory = new();

    [Fact]
    public void Every_plain_option_binds_from_configuration()
    {
        var retiredKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        var settings = new Dictionary<string, string?>
        {
            ["Erasure:Sqlite:Path"] = _directory.File("bound.db"),
            ["Erasure:SubjectHashKey"] = Key,
            ["Erasure:SubjectHashKeyId"] = "second",
            ["Erasure:RetiredSubjectHashKeys:first"] = Convert.ToBase64String(retiredKey),
            ["Erasure:LedgerChainKeyId"] = "first",
            ["Erasure:CurrentDigestSigningKeyId"] = "signing-2",
            ["Erasure:DigestInterval"] = "06:00:00",
            ["Erasure:FirstPollDelay"] = "00:02:00",
            ["Erasure:MaxPollInterval"] = "02:00:00",
            ["Erasure:BatchedTracking"] = "false",
            ["Erasure:MaxContactsPerDeleteRequest"] = "20000",
            ["Erasure:MaxDeleteRequestsInQueue"] = "2",
            ["Erasure:QueueCheckInterval"] = "00:10:00",
            ["Erasure:SendSlotRetryDelay"] = "00:00:07",
            ["Erasure:ReconcileSettleTime"] = "00:08:00",
            ["Erasure:RetryDelay"] = "00:03:00",
            ["Erasure:WakeupCheckInterval"] = "00:20:00",
            ["Erasure:Deadlines:CheckInterval"] = "00:30:00",
            ["Erasure:Deadlines:AssumedDeleteCallDuration"] = "03:00:00",
            ["Erasure:Deadlines:AssumedRestorableDays"] = "2",
            ["Erasure:Deadlines:AssumedDeletePhaseDuration"] = "12:00:00",
        };

        var options = Resolve(services => services.AddContactsErasure(Configuration(settings).GetSection("Erasure")));

        Assert.Equal(_directory.File("bound.db"), options.Sqlite.Path);
        Assert.Equal(ErasureHarness.TestKey, options.SubjectHashKey);
        Assert.Equal(retiredKey, options.RetiredSubjectHashKeys["first"]);
        Assert.Equal(TimeSpan.FromHours(2), options.MaxPollInterval);
        Assert.Equal(2, options.Deadlines.AssumedRestorableDays);
        // Every option the test sets differs from its default: a setting the binder skipped would show here.
        var unbound = PlainOptionPaths().Where(p => !p.StartsWith("PostgreSql:", StringComparison.Ordinal))
            .Where(p => Equals(ValueAt(options, p), ValueAt(new ErasureOptions(), p)))
            .ToList();
        Assert.Empty(unbound);
        Assert.Equal(
            PlainOptionPaths().Where(p => !p.StartsWith("PostgreSql:", StringComparison.Ordinal)).Order(StringComparer.OrdinalIgnoreCase),
            settings.Keys.Select(k => k["Erasure:".Length..]).Where(k => !k.StartsWith("RetiredSubjectHashKeys:", StringComparison.Ordinal)).Order(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_PostgreSQL_store_and_its_cluster_settings_bind_from_configuration()
    {
        var options = Resolve(services => services.AddContactsErasure(Configuration(new()
        {
            ["Erasure:PostgreSQL:ConnectionString"] = "Host=db.example;Port=5432;Username=erasure;Database=erasure",
            ["Erasure:PostgreSQL:CheckinInterval"] = "00:00:02",
            ["Erasure:PostgreSQL:CheckinMisfireThreshold"] = "00:00:05",
            ["Erasure:SubjectHashKey"] = Key,
        }).GetSection("Erasure")));

        Assert.Equal("Host=db.example;Port=5432;Username=erasure;Database=erasure", options.PostgreSql.ConnectionString);
        Assert.Equal(TimeSpan.FromSeconds(2), options.PostgreSql.CheckinInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), options.PostgreSql.CheckinMisfireThreshold);
        Assert.Null(options.Sqlite.Path);
    }

    [Fact]
    public async Task A_worker_configured_from_a_section_keeps_its_ledger_and_Quartz_store_in_the_configured_file_and_closes_an_erasure()
    {
        await using var emulator = await CrashEmulator.StartAsync();
        var ledger = _directory.File("from-configuration.db");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Erasure:Sqlite:Path"] = ledger,
            ["Erasure:SubjectHashKey"] = Key,
            ["Erasure:FirstPollDelay"] = "00:00:00.2",
            ["Erasure:MaxPollInterval"] = "00:00:01",
            ["Erasure:SendSlotRetryDelay"] = "00:00:00.1",
            ["Erasure:ReconcileSettleTime"] = "00:00:01",
            ["Erasure:RetryDelay"] = "00:00:00.3",
        });
        builder.Services.AddContactsSdk(o => o.ConnectTo(emulator));
        builder.Services.AddContactsErasure(builder.Configuration.GetSection("Erasure"));
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            await service.SubmitAsync(new ErasureRequest("configured-1", ErasureSubjects.ContactKeys(["configured-contact"])));
            Assert.True(await FastWorkerHost.WaitUntilAllClosedAsync(service, TimeSpan.FromSeconds(60)), "The erasure did not close within 60 s.");
            Assert.Equal(ErasureVerdict.Deleted, (await service.GetAsync("configured-1"))!.Verdict);
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.Equal(ledger, Assert.IsType<SqliteLedgerStore>(host.Services.GetRequiredService<ContactsSdk.Erasure.Storage.IErasureLedgerStore>()).DatabasePath);
        Assert.True(await TableCountAsync(ledger, "qrtz_%") > 0, "Quartz's job store is not in the configured file.");
    }

    [Theory]
    [InlineData("MaxPollInterval", "-00:00:01", "MaxPollInterval")]
    [InlineData("FirstPollDelay", "00:00:00", "FirstPollDelay")]
    [InlineData("RetryDelay", "-00:01:00", "RetryDelay")]
    [InlineData("ReconcileSettleTime", "-00:00:01", "ReconcileSettleTime")]
    [InlineData("WakeupCheckInterval", "00:00:00.5", "WakeupCheckInterval")]
    [InlineData("MaxContactsPerDeleteRequest", "0", "MaxContactsPerDeleteRequest")]
    [InlineData("MaxContactsPerDeleteRequest", "1000001", "MaxContactsPerDeleteRequest")]
    [InlineData("MaxDeleteRequestsInQueue", "0", "MaxDeleteRequestsInQueue")]
    [InlineData("Deadlines:CheckInterval", "-01:00:00", "Deadlines:CheckInterval")]
    [InlineData("Deadlines:AssumedRestorableDays", "400", "Deadlines:AssumedRestorableDays")]
    [InlineData("SubjectHashKey", "AAECAwQFBgcICQoLDA0ODw==", "SubjectHashKey")]
    [InlineData("PostgreSQL:ConnectionString", "Host=db;Database=erasure", "Both erasure ledger stores")]
    [InlineData("Sqlite:Path", "", "No erasure ledger store")]
    [InlineData("PostgreSQL:CheckinInterval", "-00:00:01", "PostgreSQL:CheckinInterval")]
    public async Task A_bad_setting_fails_the_host_start_naming_the_setting(string setting, string value, string named)
    {
        var ledger = _directory.File("never-created.db");
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Erasure:Sqlite:Path"] = ledger,
            ["Erasure:SubjectHashKey"] = Key,
            ["Erasure:" + setting] = value,
        });

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, refusal.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ledger), "A worker whose options were refused touched the ledger file.");
    }

    [Fact]
    public async Task An_unparsable_PostgreSQL_connection_string_fails_the_start_without_quoting_it()
    {
        using var host = BuildHost(new Dictionary<string, string?>
        {
            ["Erasure:PostgreSQL:ConnectionString"] = "Host=db;Password=hunter2-secret;Port=not-a-port",
            ["Erasure:SubjectHashKey"] = Key,
        });

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("PostgreSQL:ConnectionString cannot be parsed", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var refusal = OptionsRefusal.Of(services => services.AddContactsErasure(o => o.MaxPollInterval = TimeSpan.FromSeconds(-1)));

        Assert.Contains("No erasure ledger store", refusal, StringComparison.Ordinal);
        Assert.Contains("SubjectHashKey", refusal, StringComparison.Ordinal);
        Assert.Contains("MaxPollInterval", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_given_with_a_section_wins_over_the_section()
    {
        var options = Resolve(services => services.AddContactsErasure(
            Configuration(new() { ["Erasure:Sqlite:Path"] = _directory.File("a.db"), ["Erasure:MaxPollInterval"] = "03:00:00", ["Erasure:RetryDelay"] = "00:05:00" }).GetSection("Erasure"),
            o =>
            {
                o.SubjectHashKey = ErasureHarness.TestKey;
                o.MaxPollInterval = TimeSpan.FromMinutes(30);
            }));

        Assert.Equal(TimeSpan.FromMinutes(30), options.MaxPollInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.RetryDelay);
        Assert.Equal(ErasureHarness.TestKey, options.SubjectHashKey);
    }

    [Fact]
    public void A_store_changed_after_registration_is_refused_as_Quartz_would_not_follow_it()
    {
        var refusal = OptionsRefusal.Of(services =>
        {
            services.AddContactsErasure(o =>
            {
                o.UseSqlite(_directory.File("first.db"));
                o.SubjectHashKey = ErasureHarness.TestKey;
            });
            services.Configure<ErasureOptions>(o => o.Sqlite.Path = _directory.File("second.db"));
        });

        Assert.Contains("changed after AddContactsErasure", refusal, StringComparison.Ordinal);
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        // Valid client options that are never used: the start fails before any request.
        builder.Services.AddContactsSdk(o => (o.Subdomain, o.ClientId, o.ClientSecret) = ("mc-test", "client", "secret"));
        builder.Services.AddContactsErasure(builder.Configuration.GetSection("Erasure"));
        return builder.Build();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ErasureOptions Resolve(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ErasureOptions>>().Value;
    }

    /// <summary>
    /// Every settable option of a type configuration can spell (numbers, intervals, flags, text, keys), as a
    /// configuration path, nested options included.
    /// </summary>
    private static IEnumerable<string> PlainOptionPaths(Type? type = null, string prefix = "")
    {
        foreach (var property in (type ?? typeof(ErasureOptions)).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (property.SetMethod?.IsPublic == true && (propertyType.IsPrimitive || propertyType == typeof(string) || propertyType == typeof(TimeSpan) || propertyType == typeof(byte[])))
            {
                yield return prefix + property.Name;
            }
            else if (property.SetMethod is null && propertyType.IsClass && propertyType.Name.EndsWith("Options", StringComparison.Ordinal))
            {
                foreach (var nested in PlainOptionPaths(propertyType, prefix + property.Name + ":"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static object? ValueAt(object options, string path)
    {
        object? value = options;
        foreach (var name in path.Split(':'))
        {
            value = value!.GetType().GetProperty(name)!.GetValue(value);
        }
        return value is byte[] bytes ? Convert.ToBase64String(bytes) : value;
    }

    private static async Task<long> TableCountAsync(string databasePath, string pattern)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name LIKE $pattern";
        command.Parameters.AddWithValue("$pattern", pattern);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose() => _directory.Dispose();
}
