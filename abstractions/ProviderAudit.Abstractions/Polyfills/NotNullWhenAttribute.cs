// netstandard2.0 has no nullable-analysis attributes; the compiler recognises this internal copy by its name, so
// ApiProviderIds.TryParse carries the same annotation as on .NET Core. Internal: it never meets the framework's own.
namespace System.Diagnostics.CodeAnalysis;

/// <summary>The parameter is not null when the method returns <see cref="ReturnValue"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class NotNullWhenAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="returnValue">The return value for which the parameter is not null.</param>
    public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

    /// <summary>The return value for which the parameter is not null.</summary>
    public bool ReturnValue { get; }
}
