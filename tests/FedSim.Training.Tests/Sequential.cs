// libtorch has one process-wide random generator: building a model, rand() and manual_seed() all share it. Tests that
// seed it and then draw from it (the same batch for two optimiser runs, the same initial model) would see another
// test class's draws in between if classes ran in parallel, so this assembly runs its tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
