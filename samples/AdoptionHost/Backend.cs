namespace AdoptionHost;

/// <summary>Where the host sends Claude requests. Claude Platform on AWS was added last, next to the others.</summary>
public enum Backend
{
    /// <summary>Anthropic's own API.</summary>
    Anthropic,

    /// <summary>Amazon Bedrock.</summary>
    Bedrock,

    /// <summary>Google Vertex AI.</summary>
    Vertex,

    /// <summary>Microsoft Foundry.</summary>
    Foundry,

    /// <summary>Claude Platform on AWS.</summary>
    ClaudePlatformAws,
}
