using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Util;

namespace ProviderAudit.TestSupport;

/// <summary>
/// Tests talk only to loopback servers they start. A test whose environment dictionary leaves EC2 instance metadata
/// on makes the runtime's AWS chain ask AWSSDK.Core's IMDS client, which would call 169.254.169.254: in the test host
/// every such call goes to a closed loopback port instead, so it fails at once and never leaves the machine. Loopback
/// IMDS stubs (child-process tests) are reached directly.
/// </summary>
internal static class NoInstanceMetadataOffLoopback
{
    [ModuleInitializer]
    internal static void Install()
    {
        if (System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name?.StartsWith("testhost", StringComparison.OrdinalIgnoreCase) == true)
        {
            EC2InstanceMetadata.Proxy = new WebProxy("http://127.0.0.1:9", BypassOnLocal: true);
        }
    }
}
