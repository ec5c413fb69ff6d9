# Sourced by the benchmark scripts: builds what the corpora reference and lays out standalone corpus projects.
# Expects: repo (the repository root). Sets: analyzer_dll, codefix_dll, capabilities_dll.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

analyzer_dll=$repo/analyzers/ProviderAudit.CodeFixes/bin/Release/netstandard2.0/ProviderAudit.Analyzers.dll
codefix_dll=$repo/analyzers/ProviderAudit.CodeFixes/bin/Release/netstandard2.0/ProviderAudit.CodeFixes.dll
# ApiProvider and the capability extension methods the corpora use: what the ProviderAudit package puts in lib/.
capabilities_dll=$repo/abstractions/ProviderAudit.Abstractions/bin/Release/netstandard2.0/ProviderAudit.Abstractions.dll

# The analyzer, its code fixes and the capability types, in Release.
build_audit() {
  echo "== building the analyzer, the code fixes and the capability types (Release)"
  dotnet build "$repo/analyzers/ProviderAudit.CodeFixes/ProviderAudit.CodeFixes.csproj" -c Release -nologo -v:q -clp:NoSummary
  dotnet build "$repo/abstractions/ProviderAudit.Abstractions/ProviderAudit.Abstractions.csproj" -c Release -nologo -v:q -clp:NoSummary -p:ProviderAuditDogfood=false
}

# The Roslyn benchmark harness, in Release; sets roslyn_bench.
build_roslyn_bench() {
  echo "== building benchmarks/ProviderAudit.Benchmarks.Roslyn (Release)"
  dotnet build "$repo/benchmarks/ProviderAudit.Benchmarks.Roslyn/ProviderAudit.Benchmarks.Roslyn.csproj" -c Release -nologo -v:q -clp:NoSummary
  roslyn_bench="dotnet $repo/benchmarks/ProviderAudit.Benchmarks.Roslyn/bin/Release/net10.0/ProviderAudit.Benchmarks.Roslyn.dll"
}

# standalone_corpus DIR SEVERITY_LINES: none of the repository's build settings, packages or severities apply in DIR.
standalone_corpus() {
  cp "$repo/nuget.config" "$1/"
  echo '<Project />' > "$1/Directory.Build.props"
  echo '<Project />' > "$1/Directory.Build.targets"
  printf '<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n' > "$1/Directory.Packages.props"
  printf 'root = true\n\n[*.cs]\n%b' "$2" > "$1/.editorconfig"
}

# package_version NAME: the version Directory.Packages.props pins.
package_version() {
  local version
  version=$(sed -n "s/.*Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$repo/Directory.Packages.props")
  [ -n "$version" ] || { echo "$1 is not pinned in Directory.Packages.props" >&2; exit 1; }
  echo "$version"
}

# corpus_project DIR ITEMS [PROPERTIES]: DIR/Corpus.csproj compiling DIR/src with ITEMS (references, analyzers) and
# PROPERTIES (more property elements), restored.
corpus_project() {
  cat > "$1/Corpus.csproj" <<PROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <NoWarn>\$(NoWarn);CS0168;CS0219;CS8321</NoWarn>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>${3:+
$3}
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/**/*.cs" />
$2
  </ItemGroup>
</Project>
PROJ
  dotnet restore "$1/Corpus.csproj" -nologo -v:q
}

# fix_corpus DIR SITES: the fix-all/lightbulb corpus, SITES PA0001 and SITES CA1820 sites at one of each per 100 lines,
# in a project that loads PA0001's analyzer and fixes and Microsoft.CodeAnalysis.NetAnalyzers (CA1820); the generated
# sources are kept in DIR/src.pristine (dotnet format rewrites DIR/src).
fix_corpus() {
  local dir=$1 sites=$2 netanalyzers_version
  netanalyzers_version=$(package_version Microsoft.CodeAnalysis.NetAnalyzers)
  rm -rf "$dir"
  mkdir -p "$dir"
  python3 benchmarks/generate_corpus.py "$dir" --lines $((sites * 100)) --sites "$sites"
  standalone_corpus "$dir" 'dotnet_diagnostic.PA0001.severity = warning\ndotnet_diagnostic.CA1820.severity = warning\n'
  corpus_project "$dir" "    <Reference Include=\"ProviderAudit.Abstractions\" HintPath=\"$capabilities_dll\" />
    <Analyzer Include=\"$analyzer_dll\" />
    <Analyzer Include=\"$codefix_dll\" />
    <!-- CA1820's analyzer and fixer; the SDK's bundled copy steps aside for the package. -->
    <PackageReference Include=\"Microsoft.CodeAnalysis.NetAnalyzers\" Version=\"$netanalyzers_version\" PrivateAssets=\"all\" />"
  cp -r "$dir/src" "$dir/src.pristine"
}
