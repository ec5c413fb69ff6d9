namespace ProviderAudit.Runtime.Status;

/// <summary>The request transport checks this build has.</summary>
public static class RequestTransportChecks
{
    /// <summary>
    /// The check status uses unless told otherwise: Claude Platform on AWS is ready only when its request client
    /// (the official <c>AnthropicAwsClient</c>) is built and a credential resolves (see <see cref="RequestClientCheck"/>).
    /// </summary>
    public static IRequestTransportCheck Default { get; } = new RequestClientCheck();
}
