using System.Globalization;
using System.Text.Json.Nodes;

namespace ProviderAudit.Cli.Reports;

/// <summary>
/// SARIF <c>run.automationDetails</c>, which names the analysis a run belongs to. On GitHub it is the category
/// (<c>--category</c>, as <c>"category/"</c>). In an Azure Pipelines job (<c>TF_BUILD=True</c>) Azure DevOps Advanced
/// Security requires the pipeline's identity instead: <c>id</c>
/// <c>azuredevops/pipeline/build/ORG/PROJECT_ID/DEFINITION_ID/PHASE_ID/BRANCH/BUILD_ID</c> and four
/// <c>azuredevops/pipeline/build/*</c> properties, read from the job's predefined variables.
/// </summary>
internal sealed record AutomationDetails(string Id, IReadOnlyList<KeyValuePair<string, string>> Properties)
{
    private const string Prefix = "azuredevops/pipeline/build/";

    /// <summary>The shape for this run: Azure DevOps's when <paramref name="environment"/> is a complete Azure Pipelines job, else the category.</summary>
    public static AutomationDetails For(string category, IReadOnlyDictionary<string, string?> environment, Action<string> warn)
    {
        if (!string.Equals(environment.GetValueOrDefault("TF_BUILD")?.Trim(), "True", StringComparison.OrdinalIgnoreCase))
        {
            return new AutomationDetails(category + "/", []);
        }

        var problems = new List<string>();
        var organization = Organization(Read(environment, problems, "SYSTEM_COLLECTIONURI"), problems);
        var project = Guid(Read(environment, problems, "SYSTEM_TEAMPROJECTID"), "SYSTEM_TEAMPROJECTID", problems);
        var definitionId = PositiveInt(Read(environment, problems, "BUILD_DEFINITIONID", "SYSTEM_DEFINITIONID"), "BUILD_DEFINITIONID", problems);
        var definitionName = Read(environment, problems, "BUILD_DEFINITIONNAME");
        var buildId = PositiveInt(Read(environment, problems, "BUILD_BUILDID"), "BUILD_BUILDID", problems);
        var phaseId = Guid(Read(environment, problems, "SYSTEM_PHASEID", "SYSTEM_JOBID"), "SYSTEM_PHASEID", problems);
        var phaseName = Read(environment, problems, "SYSTEM_PHASENAME", "SYSTEM_JOBNAME");
        var branch = Read(environment, problems, "BUILD_SOURCEBRANCH");
        if (problems.Count > 0)
        {
            warn($"warning: TF_BUILD=True but the Azure Pipelines variables are incomplete ({string.Join("; ", problems)}): the SARIF log names the analysis by --category only, which Azure DevOps Advanced Security does not accept.");
            return new AutomationDetails(category + "/", []);
        }

        return new AutomationDetails(
            string.Create(CultureInfo.InvariantCulture, $"{Prefix}{organization}/{project}/{definitionId}/{phaseId}/{branch}/{buildId}"),
            [
                new(Prefix + "buildDefinitionId", definitionId!.Value.ToString(CultureInfo.InvariantCulture)),
                new(Prefix + "buildDefinitionName", definitionName!),
                new(Prefix + "phaseId", phaseId!.Value.ToString("D")),
                new(Prefix + "phaseName", phaseName!),
            ]);
    }

    public JsonObject ToJson()
    {
        var node = new JsonObject { ["id"] = Id };
        if (Properties.Count > 0)
        {
            var properties = new JsonObject();
            foreach (var (key, value) in Properties)
            {
                properties[key] = value;
            }

            node["properties"] = properties;
        }

        return node;
    }

    private static string? Read(IReadOnlyDictionary<string, string?> environment, List<string> problems, string name, string? fallback = null)
    {
        var value = environment.GetValueOrDefault(name) is { Length: > 0 } primary && !string.IsNullOrWhiteSpace(primary) ? primary
            : fallback is not null && environment.GetValueOrDefault(fallback) is { } second && !string.IsNullOrWhiteSpace(second) ? second
            : null;
        if (value is null)
        {
            problems.Add(name + " is not set");
        }

        return value?.Trim();
    }

    /// <summary>The organization of <c>https://dev.azure.com/ORG/</c> or <c>https://ORG.visualstudio.com/</c>.</summary>
    private static string? Organization(string? collectionUri, List<string> problems)
    {
        if (collectionUri is null)
        {
            return null;
        }

        if (Uri.TryCreate(collectionUri, UriKind.Absolute, out var uri))
        {
            var segment = uri.AbsolutePath.Trim('/').Split('/')[0];
            if (uri.Host.EndsWith("dev.azure.com", StringComparison.OrdinalIgnoreCase) && segment.Length > 0)
            {
                return segment;
            }

            if (uri.Host.EndsWith(".visualstudio.com", StringComparison.OrdinalIgnoreCase))
            {
                var organization = uri.Host[..^".visualstudio.com".Length];
                return organization.EndsWith(".vsrm", StringComparison.OrdinalIgnoreCase) ? organization[..^".vsrm".Length] : organization;
            }
        }

        problems.Add($"SYSTEM_COLLECTIONURI '{collectionUri}' is not https://dev.azure.com/ORG/ or https://ORG.visualstudio.com/");
        return null;
    }

    private static Guid? Guid(string? value, string name, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (System.Guid.TryParseExact(value, "D", out var guid) && guid != System.Guid.Empty)
        {
            return guid;
        }

        problems.Add($"{name} '{value}' is not a GUID");
        return null;
    }

    private static int? PositiveInt(string? value, string name, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            return number;
        }

        problems.Add($"{name} '{value}' is not a positive number");
        return null;
    }
}
