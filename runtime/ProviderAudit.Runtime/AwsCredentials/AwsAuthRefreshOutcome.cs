namespace ProviderAudit.Runtime.AwsCredentials;

/// <summary>What one run of the <c>awsAuthRefresh</c> command did.</summary>
/// <param name="Succeeded">True when it exited with 0 in time.</param>
/// <param name="Message">A sentence for the user; on failure with the exit status and the last output lines, secrets redacted.</param>
/// <param name="Epoch">The refresh epoch after this run (see <see cref="AwsAuthRefreshCoordinator.Epoch"/>).</param>
internal sealed record AwsAuthRefreshOutcome(bool Succeeded, string Message, long Epoch);
