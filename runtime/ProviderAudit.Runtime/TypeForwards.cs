using System.Runtime.CompilerServices;

// These types were defined in ProviderAudit.Runtime.dll up to 0.1.0 and now live in ProviderAudit.Abstractions.dll (the
// dependency-free ProviderAudit package). The forwards let an assembly compiled against the 0.1.0 runtime find them at
// run time; source needs nothing (same namespace). Members that moved off the capability interfaces are listed in
// docs/release-notes.md.
[assembly: TypeForwardedTo(typeof(ProviderAudit.Runtime.ApiProvider))]
[assembly: TypeForwardedTo(typeof(ProviderAudit.Runtime.ApiProviderCapabilities))]
[assembly: TypeForwardedTo(typeof(ProviderAudit.Runtime.ApiProviderIds))]
[assembly: TypeForwardedTo(typeof(ProviderAudit.Runtime.AuthTransportKind))]
[assembly: TypeForwardedTo(typeof(ProviderAudit.Runtime.AuthTransports))]
[assembly: TypeForwardedTo(typeof(ProviderAudit.Runtime.IAuthTransport))]
[assembly: TypeForwardedTo(typeof(ProviderAudit.Runtime.IModelIdFormat))]
[assembly: TypeForwardedTo(typeof(ProviderAudit.Runtime.ModelIdFormatKind))]
[assembly: TypeForwardedTo(typeof(ProviderAudit.Runtime.ModelIdFormats))]
[assembly: TypeForwardedTo(typeof(ProviderAudit.Runtime.TransportFeature))]
