using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>
/// The erasure service's appsettings.json, read as the service reads it: its <c>Erasure</c> section binds
/// through <c>AddContactsErasure</c>, every setting in it names an option (a misspelt one would be
/// skipped by the binder without a word), and the options it yields pass the start's check.
/// </summary>
public sealed class ServiceSettingsTests
{
    private static readonly string RepositoryRoot =
        typeof(ServiceSettingsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The service's own settings under <c>Erasure</c>, which are not the workflow's options.</summary>
    private static readonly string[] ServiceOwnSettings = ["ApiKeys", "KeyDirectory"];

    [Fact]
    public void The_service_s_appsettings_bind_to_the_erasure_options_and_pass_the_start_check()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot, "samples/ContactsSdk.Erasure.Service/appsettings.json"), optional: false)
            .Build();
        var section = configuration.GetSection("Erasure");
        var settings = section.AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null).ToList();
        Assert.NotEmpty(settings);

        // Every setting names an option: the binder, told to, refuses any that does not.
        var strict = new ErasureOptions();
        section.Bind(strict, o => o.ErrorOnUnknownConfiguration = true);

        var services = new ServiceCollection();
        services.AddContactsErasure(section, o =>
        {
            // As the service does: the default store, and the key from its file.
            o.UseSqlite("erasures.db");
            o.SubjectHashKey = new byte[32];
        });
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<ErasureOptions>>().Value;

        foreach (var (path, value) in settings.Where(s => !ServiceOwnSettings.Contains(s.Key.Split(':')[0])))
        {
            Assert.Equal(Parse(value!, ValueAt(options, path)), ValueAt(options, path));
        }
    }

    private static object? ValueAt(object options, string path)
    {
        object? value = options;
        foreach (var name in path.Split(':'))
        {
            value = value!.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!.GetValue(value);
        }
        return value;
    }

    /// <summary>The file's text as the type the option holds.</summary>
    private static object Parse(string text, object? bound) => bound switch
    {
        TimeSpan => TimeSpan.Parse(text, CultureInfo.InvariantCulture),
        int => int.Parse(text, CultureInfo.InvariantCulture),
        bool => bool.Parse(text),
        _ => text,
    };
}
