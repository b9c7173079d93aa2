using Xunit;

// Listeners and the GC heap are process-wide: a test running beside another would see its spans,
// measurements and allocations.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
