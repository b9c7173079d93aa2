using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace ContactsSdk.Tests.Configuration;

/// <summary>The one type for a MID: parsing, formatting, JSON and configuration binding.</summary>
public sealed class AccountIdTests
{
    [Theory]
    [InlineData("100012345", 100012345L)]
    [InlineData("1", 1L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void A_positive_whole_number_is_an_account(string text, long expected)
    {
        Assert.True(AccountId.TryParse(text, out var id));
        Assert.Equal(expected, id.Value);
        Assert.Equal(id, AccountId.Parse(text));
        Assert.Equal(text, id.ToString());
        Assert.Equal(text, $"{id}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("1,000")]
    [InlineData("BU-1")]
    [InlineData("9223372036854775808")]
    public void Anything_else_is_refused_with_a_message_that_quotes_it(string? text)
    {
        Assert.False(AccountId.TryParse(text, out var id));
        Assert.Equal(default, id);
        if (text is not null)
        {
            var error = Assert.Throws<FormatException>(() => AccountId.Parse(text));
            Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void The_constructor_refuses_what_is_not_a_MID(long value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccountId(value));

    [Fact]
    public void Two_accounts_with_the_same_MID_are_equal()
    {
        Assert.Equal(new AccountId(100012345), AccountId.Parse("100012345"));
        Assert.NotEqual(new AccountId(100012345), new AccountId(100012346));
    }

    [Fact]
    public void JSON_carries_it_as_a_number_and_reads_a_number_or_a_string_of_digits()
    {
        var body = new Body { AccountId = new AccountId(100012345) };

        Assert.Equal("""{"AccountId":100012345}""", JsonSerializer.Serialize(body));
        Assert.Equal(new AccountId(100012345), JsonSerializer.Deserialize<Body>("""{"AccountId":100012345}""")!.AccountId);
        Assert.Equal(new AccountId(100012345), JsonSerializer.Deserialize<Body>("""{"AccountId":"100012345"}""")!.AccountId);
        Assert.Null(JsonSerializer.Deserialize<Body>("""{"AccountId":null}""")!.AccountId);
    }

    [Theory]
    [InlineData("""{"AccountId":0}""")]
    [InlineData("""{"AccountId":-3}""")]
    [InlineData("""{"AccountId":"BU-1"}""")]
    [InlineData("""{"AccountId":1.5}""")]
    [InlineData("""{"AccountId":true}""")]
    public void JSON_that_is_not_a_MID_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Body>(json));

    [Fact]
    public void Configuration_binds_it_from_its_digits()
    {
        var options = Bind("100012345");

        Assert.Equal(new AccountId(100012345), options.AccountId);
        Assert.Null(Bind(null).AccountId);
    }

    [Fact]
    public void Configuration_that_is_not_a_MID_fails_the_binding_and_names_the_value()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind("BU-1"));

        Assert.Contains("AccountId", error.Message, StringComparison.Ordinal);
        Assert.Contains("'BU-1' is not an account ID", error.InnerException?.Message ?? "", StringComparison.Ordinal);
    }

    private static ContactsClientOptions Bind(string? accountId)
    {
        var values = new Dictionary<string, string?> { ["MarketingCloud:ClientId"] = "client" };
        if (accountId is not null)
        {
            values["MarketingCloud:AccountId"] = accountId;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new ContactsClientOptions();
        configuration.GetSection("MarketingCloud").Bind(options);
        return options;
    }

    private sealed class Body
    {
        public AccountId? AccountId { get; set; }
    }
}
