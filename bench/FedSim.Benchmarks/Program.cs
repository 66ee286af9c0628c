return await FedSim.Benchmarks.BenchApp.RunAsync(args);
