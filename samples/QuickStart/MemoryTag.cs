namespace Switchboard.QuickStart;

/// <summary>An in-memory tag: the smallest stand-in for a tag whose value-changed script sends a message.</summary>
internal sealed class MemoryTag(string path)
{
    private object? value;

    public event EventHandler<object?>? ValueChanged;

    public string Path { get; } = path;

    public object? Value
    {
        get => value;
        set
        {
            if (Equals(this.value, value))
            {
                return;
            }

            this.value = value;
            ValueChanged?.Invoke(this, value);
        }
    }
}
