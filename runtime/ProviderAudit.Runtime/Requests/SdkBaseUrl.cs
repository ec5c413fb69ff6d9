namespace ProviderAudit.Runtime.Requests;

/// <summary>How the official SDK clients take a base URL.</summary>
internal static class SdkBaseUrl
{
    /// <summary>Scheme, host, port and path, without a trailing slash: the SDKs append <c>/v1/…</c> themselves.</summary>
    public static string Of(Uri baseUri) => baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
