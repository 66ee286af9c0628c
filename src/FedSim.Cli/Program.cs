return await FedSim.Cli.CliApp.RunAsync(args);
