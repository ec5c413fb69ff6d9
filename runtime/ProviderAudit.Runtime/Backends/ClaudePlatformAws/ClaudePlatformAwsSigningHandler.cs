using System.Diagnostics;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using ProviderAudit.Runtime.AwsCredentials;

namespace ProviderAudit.Runtime.Backends.ClaudePlatformAws;

/// <summary>
/// Signs each CPA request with AWS SigV4 through AWSSDK.Core's own standalone signer
/// (<see cref="AWSSigV4Signer"/>), in place of the official client's signing handler.
/// </summary>
/// <remarks>
/// <para>Why not the official client's signer: measured on loopback (docs/performance.md), <c>Anthropic.Aws</c>
/// 1.0.2's <c>AwsAdaptationHandler</c> copies every body twice (into a byte array and a new stream content),
/// sorts and joins the headers through LINQ, and derives the signing key with four new HMACs per request;
/// SigV4 requests cost 1.3–2.7x a first-party request. AWSSDK.Core's signer caches the per-day signing key and
/// hashes the body from a read-only stream over the bytes the SDK already serialized, so nothing is copied.
/// The <c>AnthropicAwsClient</c> stays the request client: it is built with <c>SkipAuth</c>, so its own handler
/// only adds the workspace header, and this handler signs inside its <c>HttpClient</c>.</para>
/// <para>What is signed is what the official signer signs: every request and content header except the
/// trace-context headers, which the SDK deliberately leaves unsigned because instrumentation below the client
/// may rewrite them (and <c>User-Agent</c>, which AWSSDK.Core never signs). Auth headers already on the request
/// are never signed: <see cref="ClaudePlatformAwsSingleAuthHandler"/> removed them, and this handler sets its own.</para>
/// <para>Placed before <see cref="ClaudePlatformAwsWireGuardHandler"/>, so the guard checks the signed request.
/// One handler per client, and one client per resolved credential: a credential refresh builds a new client.</para>
/// </remarks>
internal sealed class ClaudePlatformAwsSigningHandler : DelegatingHandler
{
    /// <summary>The SigV4 service name of the Claude Platform on AWS gateway.</summary>
    public const string ServiceName = "aws-external-anthropic";

    // The W3C trace-context headers; the current propagator may name more (Request-Id, Correlation-Context).
    private static readonly string[] TraceContextHeaders = ["traceparent", "tracestate", "baggage"];

    private static readonly string[] SigningHeaders = ["Authorization", "X-Amz-Date", "X-Amz-Content-SHA256", "X-Amz-Security-Token"];

    private static UnsignedNames? s_unsigned;

    private readonly AWSSigV4Parameters _parameters;

    /// <summary>Creates the handler for one credential and region.</summary>
    /// <param name="credentials">The resolved AWS credentials (the session token, if any, is sent and signed).</param>
    /// <param name="region">The validated region of the endpoint.</param>
    /// <param name="innerHandler">Where signed requests go (the wire guard).</param>
    public ClaudePlatformAwsSigningHandler(AwsSessionCredentials credentials, string region, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        AWSCredentials sdkCredentials = credentials.SessionToken is null
            ? new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey)
            : new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
        _parameters = new AWSSigV4Parameters
        {
            Credentials = sdkCredentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = ServiceName,
        };
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var signing = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = request.RequestUri };
        foreach (var name in SigningHeaders)
        {
            request.Headers.Remove(name);
        }

        var unsigned = UnsignedHeaderNames();
        AddSignedHeaders(request.Headers, unsigned, signing.Headers);
        if (request.Content is { } content)
        {
            AddSignedHeaders(content.Headers, unsigned, signing.Headers);
            signing.ContentStream = await ReadableBodyAsync(content, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            signing.Content = [];
        }

        var signed = AWSSigV4Signer.Sign(signing, _parameters);
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A seekable stream over the body for hashing. The SDK's JSON bodies are <see cref="ByteArrayContent"/>, whose
    /// read stream wraps its own bytes (no copy) and which is sent again from those bytes; any other content is
    /// buffered first, so the hashed bytes are the bytes sent.
    /// </summary>
    private static async Task<Stream> ReadableBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.GetType() != typeof(ByteArrayContent))
        {
            await content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        return await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddSignedHeaders(System.Net.Http.Headers.HttpHeaders headers, HashSet<string> unsigned, IDictionary<string, string> signed)
    {
        foreach (var (name, values) in headers)
        {
            if (!unsigned.Contains(name))
            {
                // HttpClient sends several values of one header joined by ", ": sign the same bytes.
                signed[name] = values is string[] { Length: 1 } one ? one[0] : string.Join(", ", values);
            }
        }
    }

    /// <summary>The trace-context header names of the current propagator, rebuilt only when the propagator is replaced.</summary>
    private static HashSet<string> UnsignedHeaderNames()
    {
        var propagator = DistributedContextPropagator.Current;
        var cached = s_unsigned;
        if (cached is not null && ReferenceEquals(cached.Propagator, propagator))
        {
            return cached.Names;
        }

        var names = new HashSet<string>(TraceContextHeaders, StringComparer.OrdinalIgnoreCase);
        try
        {
            names.UnionWith(propagator.Fields);
        }
        catch (Exception)
        {
            // The SDK's own signer ignores a propagator that cannot list its fields, and so do we.
        }

        s_unsigned = new UnsignedNames(propagator, names);
        return names;
    }

    private sealed record UnsignedNames(DistributedContextPropagator Propagator, HashSet<string> Names);
}
