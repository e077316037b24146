using System.ComponentModel.DataAnnotations;

namespace Switchboard;

/// <summary>A time span that is greater than zero, or <see cref="Timeout.InfiniteTimeSpan"/>; unset (null) passes.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class PositiveTimeoutAttribute : ValidationAttribute
{
    public PositiveTimeoutAttribute()
        : base("The field {0} must be greater than zero, or Timeout.InfiniteTimeSpan.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not TimeSpan time || time > TimeSpan.Zero || time == Timeout.InfiniteTimeSpan;
}
