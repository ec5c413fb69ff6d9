using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using ProviderAudit.Analyzers;

namespace ProviderAudit.CodeFixes
{
    /// <summary>
    /// Writes a host provider enum's capability mapping — <c>ToApiProvider()</c>, <c>ModelIdFormat()</c>,
    /// <c>AuthTransport()</c>, only the ones missing — into an existing file, never a new one (<c>dotnet format</c> drops a
    /// fix that only adds a document, and one that adds a document breaks the next build with NETSDK1022): into the class
    /// that already holds part of the mapping, else as a new class right after the enum's declaration, else (an enum from
    /// a referenced assembly) at the end of the namespace of its first finding.
    /// </summary>
    /// <remarks>
    /// A new class is <c>internal</c>, whatever the enum's accessibility: the mapping serves the library's own checks and
    /// must not put the runtime's capability types into its public API. The code is C# 7.3 (the default language version of
    /// netstandard2.0 and net462, and one source file of a multi-targeted library compiles at every target's default, while
    /// a fixer sees one target's options): a <c>switch</c> statement, no switch expression, no recursive pattern. Nullable
    /// annotations (<c>IModelIdFormat?</c>) only where the file has them enabled.
    /// </remarks>
    internal static class ProviderMappingWriter
    {
        private const string RuntimeNamespace = "ProviderAudit.Runtime";
        private const string ApiProviderMetadataName = RuntimeNamespace + ".ApiProvider";
        private static readonly string[] RuntimeTypeNames = { "ApiProvider", "IModelIdFormat", "IAuthTransport" };

        /// <summary>
        /// Whether a mapping can be written for this diagnostic (cheap symbol checks only, so a fix is offered only where it
        /// does something; the reasons it cannot are in docs/rules/PA0003.md).
        /// </summary>
        public static async Task<bool> CanAddAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            await PrepareAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) != null;

        /// <summary>The solution with the mapping added; null when no mapping can be written.</summary>
        public static async Task<Solution?> AddAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var request = await PrepareAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                return null;
            }

            var text = request.Mapping.ToApiProvider is { } existing
                ? new MappingText(request.HostEnum, null, request.ExistingProviderMayBeNull, existing)
                : new MappingText(request.HostEnum, ProviderMappingPlan.Create(request.HostEnum, request.FirstPartyMember, request.ApiProvider), null, null);

            var holder = ExistingHolder(request.Mapping, document.Project, cancellationToken);
            if (holder != null)
            {
                return await AddToClassAsync(document.Project.Solution, holder.Value.Document, holder.Value.Class, request.Mapping, text, cancellationToken).ConfigureAwait(false);
            }

            return await AddClassAsync(document, request.Root, request.Model, diagnostic, request.HostEnum, request.Mapping, text, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<Request?> PrepareAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticContract.ProviderTypeProperty, out var typeName) || typeName is null
                || !diagnostic.Properties.TryGetValue(DiagnosticContract.FirstPartyMemberProperty, out var firstPartyMember) || firstPartyMember is null)
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || root is null)
            {
                return null;
            }

            var compilation = model.Compilation;
            var hostEnum = compilation.GetTypeByMetadataName(typeName);
            var apiProvider = compilation.GetTypeByMetadataName(ApiProviderMetadataName);
            if (hostEnum is not { TypeKind: TypeKind.Enum } || apiProvider is not { TypeKind: TypeKind.Enum })
            {
                return null;
            }

            // The analyzer's FixableAfter promise and this fix answer the same question the same way.
            var mapping = CapabilityExtensionMethods.Find(hostEnum, compilation);
            if (mapping.IsComplete || !CapabilityExtensionMethods.CanWriteMapping(hostEnum, mapping, compilation))
            {
                return null;
            }

            var providerMayBeNull = mapping.ToApiProvider is { } existing && CapabilityExtensionMethods.ReturnsApiProvider(existing, apiProvider) == true;
            return new Request(model, root, hostEnum, apiProvider, mapping, firstPartyMember, providerMayBeNull);
        }

        private sealed class Request
        {
            public Request(SemanticModel model, SyntaxNode root, INamedTypeSymbol hostEnum, INamedTypeSymbol apiProvider, CapabilityMapping mapping, string firstPartyMember, bool existingProviderMayBeNull)
            {
                Model = model;
                Root = root;
                HostEnum = hostEnum;
                ApiProvider = apiProvider;
                Mapping = mapping;
                FirstPartyMember = firstPartyMember;
                ExistingProviderMayBeNull = existingProviderMayBeNull;
            }

            public SemanticModel Model { get; }

            public SyntaxNode Root { get; }

            public INamedTypeSymbol HostEnum { get; }

            public INamedTypeSymbol ApiProvider { get; }

            public CapabilityMapping Mapping { get; }

            public string FirstPartyMember { get; }

            public bool ExistingProviderMayBeNull { get; }
        }

        /// <summary>The source class of this project that already holds part of the mapping, if any.</summary>
        private static (Document Document, ClassDeclarationSyntax Class)? ExistingHolder(CapabilityMapping mapping, Project project, CancellationToken cancellationToken)
        {
            foreach (var method in new[] { mapping.ToApiProvider, mapping.ModelIdFormat, mapping.AuthTransport })
            {
                foreach (var reference in method?.ContainingType.DeclaringSyntaxReferences ?? Enumerable.Empty<SyntaxReference>())
                {
                    if (project.GetDocument(reference.SyntaxTree) is { } holderDocument
                        && reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax declaration)
                    {
                        return (holderDocument, declaration);
                    }
                }
            }

            return null;
        }

        private static async Task<Solution> AddToClassAsync(
            Solution solution, Document document, ClassDeclarationSyntax declaration, CapabilityMapping mapping, MappingText text, CancellationToken cancellationToken)
        {
            var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            var names = RuntimeNames.At(model, declaration.SpanStart);
            var newLine = NewLineOf(root);
            var members = new StringBuilder();
            text.AppendMembers(members, names, mapping, sharesClassWithToApiProvider: mapping.ToApiProvider is null || InClass(mapping.ToApiProvider, declaration), AnnotationsEnabled(model, declaration.SpanStart));
            var parsed = SyntaxFactory.ParseCompilationUnit(("class C\n{\n\n" + members + "}\n").Replace("\n", newLine))
                .Members.OfType<ClassDeclarationSyntax>().Single().Members
                .Select(member => member.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation));
            var extended = declaration.AddMembers(parsed.ToArray());
            var newRoot = root.ReplaceNode(declaration, extended);
            return solution.WithDocumentSyntaxRoot(document.Id, WithRuntimeImport(newRoot, names));
        }

        private static bool InClass(IMethodSymbol method, ClassDeclarationSyntax declaration) =>
            method.ContainingType.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == declaration.SyntaxTree && r.Span == declaration.Span);

        private static async Task<Solution?> AddClassAsync(
            Document document, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, INamedTypeSymbol hostEnum, CapabilityMapping mapping, MappingText text,
            CancellationToken cancellationToken)
        {
            var enumDeclaration = hostEnum.DeclaringSyntaxReferences
                .Where(r => r.SyntaxTree == root.SyntaxTree)
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<EnumDeclarationSyntax>()
                .FirstOrDefault();

            SyntaxNode anchor;
            if (enumDeclaration != null)
            {
                anchor = enumDeclaration;
                while (anchor.Parent is TypeDeclarationSyntax outer)
                {
                    anchor = outer;
                }
            }
            else
            {
                // After the last member of the namespace (or file) holding the first finding: the code that uses the enum.
                var finding = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var members = finding.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Members ?? ((CompilationUnitSyntax)root).Members;
                if (members.Count == 0)
                {
                    return null;
                }

                anchor = members.Last();
            }

            var position = anchor.Span.End;
            var names = RuntimeNames.At(model, position);
            var className = FreeClassName(model, position, hostEnum.Name + "Capabilities");
            var classText = new StringBuilder("\n");
            text.AppendClass(classText, names, mapping, className, AnnotationsEnabled(model, position));
            var newLine = NewLineOf(root);
            var parsed = SyntaxFactory.ParseCompilationUnit(classText.ToString().Replace("\n", newLine))
                .Members.Single()
                .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);

            // The class takes the line break (or end of file) after the anchor; a blank line separates the two.
            var trailing = anchor.GetTrailingTrivia();
            var placed = parsed.WithTrailingTrivia(trailing);
            var anchorWithLineBreak = trailing.Any(SyntaxKind.EndOfLineTrivia) ? anchor : anchor.WithTrailingTrivia(trailing.Add(SyntaxFactory.EndOfLine(newLine)));
            var newRoot = root.ReplaceNode(anchor, new[] { anchorWithLineBreak, placed });

            return document.Project.Solution.WithDocumentSyntaxRoot(document.Id, WithRuntimeImport(newRoot, names));
        }

        private static string FreeClassName(SemanticModel model, int position, string preferred)
        {
            var name = preferred;
            for (var suffix = 2; !model.LookupNamespacesAndTypes(position, name: name).IsEmpty; suffix++)
            {
                name = preferred + suffix;
            }

            return name;
        }

        /// <summary>
        /// Whether <c>IModelIdFormat?</c> may be written here: only where nullable annotations are enabled (never in C# 7.3,
        /// nor in a file or project that has them off, where the annotation is warning CS8632 and a <c>#nullable</c> directive
        /// of our own would change the file's context).
        /// </summary>
        private static bool AnnotationsEnabled(SemanticModel model, int position) =>
            (model.GetNullableContext(position) & NullableContext.AnnotationsEnabled) != 0;

        private static SyntaxNode WithRuntimeImport(SyntaxNode root, RuntimeNames names) =>
            names.NeedsImport && root is CompilationUnitSyntax compilationUnit
                ? UsingDirectives.AddNamespace(compilationUnit, RuntimeNamespace)
                : root;

        private static string NewLineOf(SyntaxNode root) =>
            root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } newLine ? newLine : "\n";

        /// <summary>
        /// How the generated code names the runtime: by simple names with <c>using ProviderAudit.Runtime;</c> (added when
        /// missing), unless a type of the same name is already visible there, where an added import would make it ambiguous
        /// (CS0104); then fully qualified, with capability calls written as static calls.
        /// </summary>
        internal sealed class RuntimeNames
        {
            private RuntimeNames(bool useImport, bool needsImport)
            {
                UseImport = useImport;
                NeedsImport = needsImport;
            }

            public bool UseImport { get; }

            public bool NeedsImport { get; }

            public string Type(string name) => UseImport ? name : "global::" + RuntimeNamespace + "." + name;

            public static RuntimeNames At(SemanticModel model, int position)
            {
                var imported = true;
                foreach (var name in RuntimeTypeNames)
                {
                    var visible = model.LookupNamespacesAndTypes(position, name: name);
                    if (visible.Any(symbol => symbol.ContainingNamespace?.ToDisplayString() != RuntimeNamespace))
                    {
                        return new RuntimeNames(useImport: false, needsImport: false);
                    }

                    imported &= !visible.IsEmpty;
                }

                return new RuntimeNames(useImport: true, needsImport: !imported);
            }
        }

        /// <summary>The C# text of the mapping's members, written at column 0 (the formatter indents it where it lands).</summary>
        private sealed class MappingText
        {
            private readonly INamedTypeSymbol _hostEnum;
            private readonly ProviderMappingPlan? _plan;
            private readonly IMethodSymbol? _existingToApiProvider;
            private readonly bool _providerMayBeNull;
            private readonly string _enum;
            private readonly string _parameter;

            public MappingText(INamedTypeSymbol hostEnum, ProviderMappingPlan? plan, bool? existingProviderMayBeNull, IMethodSymbol? existingToApiProvider)
            {
                _hostEnum = hostEnum;
                _plan = plan;
                _existingToApiProvider = existingToApiProvider;
                _providerMayBeNull = existingProviderMayBeNull ?? plan!.HasUnmappedValues;
                _enum = hostEnum.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                _parameter = ParameterName(hostEnum.Name);
            }

            /// <summary>The class, <c>internal</c> (see <see cref="ProviderMappingWriter"/>).</summary>
            public void AppendClass(StringBuilder text, RuntimeNames names, CapabilityMapping mapping, string className, bool annotate)
            {
                var firstParty = _plan?.Values.FirstOrDefault(v => v.Provider?.Name == "FirstParty")?.Member.Name;
                text.Append("/// <summary>\n");
                text.Append("/// Maps <c>").Append(_hostEnum.Name).Append("</c> to the ProviderAudit runtime, so a check asks the capability it is about\n");
                text.Append("/// (<c>").Append(_parameter).Append(".ModelIdFormat()").Append(_providerMayBeNull ? "?" : string.Empty).Append(".IsFirstParty</c>, <c>")
                    .Append(_parameter).Append(".AuthTransport()").Append(_providerMayBeNull ? "?" : string.Empty).Append(".IsFirstParty</c>)");
                if (firstParty != null)
                {
                    text.Append(" instead of\n/// comparing with <c>").Append(_hostEnum.Name).Append('.').Append(firstParty).Append("</c> (analyzer rule PA0001)");
                }

                text.Append(".\n/// Added by the PA0003 fix: members are matched to <c>ApiProvider</c> by name");
                if (firstParty != null)
                {
                    text.Append(", <c>").Append(_hostEnum.Name).Append('.').Append(firstParty).Append("</c>\n/// (provider_audit.first_party_member) to <c>FirstParty</c>");
                }

                text.Append(".\n/// </summary>\n");
                text.Append("internal static class ").Append(className).Append('\n');
                text.Append("{\n");
                AppendMembers(text, names, mapping, sharesClassWithToApiProvider: _existingToApiProvider is null, annotate);
                text.Append("}\n");
            }

            public void AppendMembers(StringBuilder text, RuntimeNames names, CapabilityMapping mapping, bool sharesClassWithToApiProvider, bool annotate)
            {
                var first = true;
                if (_plan != null)
                {
                    AppendToApiProvider(text, names);
                    first = false;
                }

                if (mapping.ModelIdFormat is null)
                {
                    AppendCapability(text, names, "ModelIdFormat", "IModelIdFormat", "spells model ids", first, sharesClassWithToApiProvider, annotate);
                    first = false;
                }

                if (mapping.AuthTransport is null)
                {
                    AppendCapability(text, names, "AuthTransport", "IAuthTransport", "authenticates and where its requests go", first, sharesClassWithToApiProvider, annotate);
                }
            }

            /// <summary>A <c>switch</c> statement, one section per value, so the team's comments sit on the value they are about.</summary>
            private void AppendToApiProvider(StringBuilder text, RuntimeNames names)
            {
                var plan = _plan!;
                text.Append("/// <summary>The <c>ApiProvider</c> that <paramref name=\"").Append(_parameter).Append("\"/> stands for")
                    .Append(_providerMayBeNull ? "; null for a value that maps to no Claude backend" : string.Empty).Append(".</summary>\n");
                text.Append("public static ").Append(names.Type("ApiProvider")).Append(_providerMayBeNull ? "?" : string.Empty)
                    .Append(" ToApiProvider(this ").Append(_enum).Append(' ').Append(_parameter).Append(")\n");
                text.Append("{\n");
                text.Append("    switch (").Append(_parameter).Append(")\n");
                text.Append("    {\n");
                foreach (var value in plan.Values)
                {
                    if (value.Provider is null)
                    {
                        text.Append("        // TODO(PA0003): ").Append(value.UnmappedReason).Append(".\n");
                        text.Append("        // Map it to the ApiProvider it talks to, or keep null: no Claude backend, its capabilities are null and its first-party checks stay false.\n");
                    }

                    text.Append("        case ").Append(Member(value.Member)).Append(":\n");
                    text.Append("            return ").Append(value.Provider is null ? "null" : names.Type("ApiProvider") + "." + value.Provider.Name).Append(";\n");
                }

                text.Append("        default:\n");
                if (plan.IsFlags)
                {
                    text.Append("            // [Flags] combinations of members map to no backend.\n");
                    text.Append("            return null;\n");
                }
                else
                {
                    text.Append("            throw new global::System.ArgumentOutOfRangeException(nameof(").Append(_parameter).Append("), ").Append(_parameter)
                        .Append(", \"Not a defined ").Append(_hostEnum.Name).Append(" value.\");\n");
                }

                text.Append("    }\n");
                text.Append("}\n");
            }

            private void AppendCapability(
                StringBuilder text, RuntimeNames names, string method, string type, string what, bool first, bool sharesClassWithToApiProvider, bool annotate)
            {
                if (!first)
                {
                    text.Append('\n');
                }

                var conditional = _providerMayBeNull ? "?" : string.Empty;
                var toApiProvider = sharesClassWithToApiProvider || _existingToApiProvider is null
                    ? _parameter + ".ToApiProvider()"
                    : _existingToApiProvider.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".ToApiProvider(" + _parameter + ")";
                text.Append("/// <summary>How the backend of <paramref name=\"").Append(_parameter).Append("\"/> ").Append(what)
                    .Append(_providerMayBeNull ? "; null when it maps to none" : string.Empty).Append(".</summary>\n");
                text.Append("public static ").Append(names.Type(type)).Append(_providerMayBeNull && annotate ? "?" : string.Empty).Append(' ').Append(method)
                    .Append("(this ").Append(_enum).Append(' ').Append(_parameter).Append(") => ");
                if (names.UseImport)
                {
                    text.Append(toApiProvider).Append(conditional).Append('.').Append(method).Append("();\n");
                }
                else if (_providerMayBeNull)
                {
                    // A declaration pattern (C# 7.0), not `is { } provider` (C# 8).
                    text.Append(toApiProvider).Append(" is ").Append(names.Type("ApiProvider")).Append(" provider ? global::").Append(RuntimeNamespace).Append(".ApiProviderCapabilities.")
                        .Append(method).Append("(provider) : null;\n");
                }
                else
                {
                    text.Append("global::").Append(RuntimeNamespace).Append(".ApiProviderCapabilities.").Append(method).Append('(').Append(toApiProvider).Append(");\n");
                }
            }

            private string Member(IFieldSymbol member) =>
                _enum + "." + (SyntaxFacts.GetKeywordKind(member.Name) != SyntaxKind.None ? "@" + member.Name : member.Name);

            private static string ParameterName(string typeName)
            {
                var name = char.ToLowerInvariant(typeName[0]) + typeName.Substring(1);
                return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || name == "provider" ? "value" : name;
            }
        }
    }
}
