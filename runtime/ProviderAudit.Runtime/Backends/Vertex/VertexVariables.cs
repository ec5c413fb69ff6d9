namespace ProviderAudit.Runtime.Backends.Vertex;

/// <summary>Google Vertex AI's variables, spelled once.</summary>
internal static class VertexVariables
{
    public const string UseVertex = "CLAUDE_CODE_USE_VERTEX";
    public const string VertexRegion = "CLOUD_ML_REGION";
    public const string VertexProjectId = "ANTHROPIC_VERTEX_PROJECT_ID";
    public const string VertexBaseUrl = "ANTHROPIC_VERTEX_BASE_URL";
    public const string SkipVertexAuth = "CLAUDE_CODE_SKIP_VERTEX_AUTH";
    public const string GoogleApplicationCredentials = "GOOGLE_APPLICATION_CREDENTIALS";
    public const string GoogleCloudProject = "GOOGLE_CLOUD_PROJECT";
    public const string CloudSdkConfig = "CLOUDSDK_CONFIG";
}
