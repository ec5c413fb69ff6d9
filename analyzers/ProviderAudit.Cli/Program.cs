using ProviderAudit.Cli.Commands;

return await ToolCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
