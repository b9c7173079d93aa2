using System;
using System.Linq;
using ContactsSdk.Erasure.Webhooks;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Webhooks;

/// <summary>The retry schedule and the settings that cannot work.</summary>
public sealed class WebhookOptionsTests
{
    [Fact]
    public void The_wait_after_each_failed_attempt_doubles_from_the_first_delay_up_to_the_cap()
    {
        var options = new ErasureWebhookOptions { FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1) };

        Assert.Equal(
            [10, 20, 40, 60, 60],
            new[] { 1, 2, 3, 4, 30 }.Select(attempts => options.RetryDelayAfter(attempts).TotalSeconds));
        // Far past any double's range, still the cap.
        Assert.Equal(TimeSpan.FromMinutes(1), options.RetryDelayAfter(int.MaxValue));
    }

    [Theory]
    [InlineData("interval", "DeliveryInterval must be positive")]
    [InlineData("first", "FirstRetryDelay must be positive")]
    [InlineData("cap", "MaxRetryDelay must not be shorter than FirstRetryDelay")]
    [InlineData("attempts", "MaxAttempts must be at least 1")]
    [InlineData("timeout", "RequestTimeout must be positive")]
    [InlineData("age", "MaxAge must be positive")]
    public void A_retry_setting_that_cannot_work_is_refused_by_name(string setting, string expected)
    {
        var options = new ErasureWebhookOptions();
        switch (setting)
        {
            case "interval": options.DeliveryInterval = TimeSpan.Zero; break;
            case "first": options.FirstRetryDelay = TimeSpan.FromSeconds(-1); break;
            case "cap": options.MaxRetryDelay = TimeSpan.FromSeconds(1); break;
            case "attempts": options.MaxAttempts = 0; break;
            case "timeout": options.RequestTimeout = TimeSpan.Zero; break;
            default: options.MaxAge = TimeSpan.Zero; break;
        }

        Assert.Contains(expected, Assert.Throws<InvalidOperationException>(options.Validate).Message);
    }
}
