using Microsoft.Extensions.Options;

namespace Switchboard;

/// <summary>
/// Checks <see cref="GatewayOptions"/> against its data annotations; the options validation source generator writes
/// the body, so it needs no reflection. Every bad value is one failure of the one <see cref="OptionsValidationException"/>.
/// </summary>
[OptionsValidator]
internal sealed partial class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public static GatewayOptionsValidator Instance { get; } = new();
}
