using Microsoft.Extensions.Options;

namespace Switchboard;

/// <summary>
/// Validates the hosted gateway's options with the rules of <see cref="GatewayOptions"/> (one set of rules, generated
/// from its data annotations), named after the configuration section, plus a non-empty <see cref="SwitchboardOptions.Name"/>.
/// </summary>
internal sealed class SwitchboardOptionsValidator : IValidateOptions<SwitchboardOptions>
{
    public ValidateOptionsResult Validate(string? name, SwitchboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            result.AddError("must not be empty: it is the gateway's system name", $"{SwitchboardOptions.SectionName}.{nameof(SwitchboardOptions.Name)}");
        }

        result.AddResult(GatewayOptionsValidator.Instance.Validate(SwitchboardOptions.SectionName, options.ToGatewayOptions(services: null, loggerFactory: null)));
        return result.Build();
    }
}
