using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>
/// The sample erasure service as it is run: a child process on a real Kestrel port (<c>ASPNETCORE_URLS</c>
/// on a free loopback port), with no Marketing Cloud settings (the embedded emulator, the development-only
/// key), its ledger in a temporary directory, and every line it writes kept.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    public const string ApiKey = "development-only-key";

    private static readonly string ServicePath =
        typeof(ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServicePath").Value!;

    private readonly string _directory;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ChildProcess? _process;

    private ServiceProcess(string directory)
    {
        _directory = directory;
    }

    public Uri Address => _listening.Task.Result;

    /// <summary>The service's SQLite ledger file.</summary>
    public string LedgerPath => Path.Combine(_directory, "erasures.db");

    /// <summary>Every line the service wrote (its log), in order.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    /// <param name="environment">More settings, as environment variables (e.g. <c>Erasure__Webhooks__0__Url</c>).</param>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var directory = Directory.CreateTempSubdirectory("contactssdk-erasure-service-").FullName;
        var service = new ServiceProcess(directory);
        service._process = ChildProcess.Start(ChildProcess.DotnetHost(), [ServicePath], start =>
        {
            start.WorkingDirectory = directory;
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Erasure__Sqlite__Path"] = Path.Combine(directory, "erasures.db");
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }
        }, service.Keep);
        if (await Task.WhenAny(service._listening.Task, Task.Delay(TimeSpan.FromSeconds(60))) != service._listening.Task)
        {
            await service.DisposeAsync();
            throw new TimeoutException("The service did not listen within 60 s:\n" + string.Join('\n', service.Output));
        }
        return service;
    }

    private void Keep(string line)
    {
        Output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    /// <summary>A client of the service, sending the API key when <paramref name="authorized"/>.</summary>
    public HttpClient Client(bool authorized = true)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (authorized)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        }
        return client;
    }

    /// <summary>The public part of the service's digest signing key, from its key file: what an auditor is given.</summary>
    public DigestSigningKey SigningKey()
    {
        var path = Directory.GetFiles(_directory, "signing-*.pem").Single();
        return DigestSigningKey.FromPem(Path.GetFileNameWithoutExtension(path), DigestSigningKey.FromPem("any", File.ReadAllText(path)).ExportPublicKeyPem());
    }

    public ValueTask DisposeAsync()
    {
        // Kills the service with its children and waits (bounded) for it to be gone.
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
