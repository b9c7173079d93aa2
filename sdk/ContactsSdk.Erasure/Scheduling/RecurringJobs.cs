using System;
using System.Threading;
using System.Threading.Tasks;
using Quartz;

namespace ContactsSdk.Erasure.Scheduling;

/// <summary>The worker's recurring jobs (sweep, wake-up check, digest, deadline check, webhook delivery) are stored one way.</summary>
internal static class RecurringJobs
{
    /// <summary>
    /// Stores <typeparamref name="TJob"/> under <paramref name="key"/>, repeating every
    /// <paramref name="every"/>, first after <paramref name="firstAfter"/>; replaces the one stored
    /// before, so a changed interval takes effect.
    /// </summary>
    public static async Task StoreAsync<TJob>(IScheduler scheduler, JobKey key, TimeSpan every, TimeSpan firstAfter, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var job = JobBuilder.Create<TJob>().WithIdentity(key).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key.Name, key.Group)
            .ForJob(key)
            .StartAt(DateTimeOffset.UtcNow + firstAfter)
            // After downtime one run happens at once, not one per missed interval.
            .WithSimpleSchedule(s => s.WithInterval(every).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions { Replace = true }, cancellationToken).ConfigureAwait(false);
    }
}
