using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Switchboard;

/// <summary>
/// Bridges payload shapes with System.Text.Json: a dictionary sent (for example through the untyped
/// <see cref="IMessageSender.SendMessage"/>) to a handler that takes a typed payload, and a typed payload sent to a
/// handler that takes <c>IReadOnlyDictionary&lt;string, object?&gt;</c>. Property names match case-insensitively;
/// an unknown key, a missing required property or a value of the wrong type is a <see cref="PayloadConversionException"/>
/// for the sender that names the key, and the handler never sees a half-made payload.
/// </summary>
/// <remarks>
/// Typed sends through the generated stubs never convert. JSON metadata for every payload and response type of a
/// handler comes from the source generator, which registers it here when the assembly loads, so conversions need no
/// reflection and native AOT applications need no setup. Metadata is looked up in this order: <see cref="TypeInfoResolver"/>
/// (when the application sets one), the generated metadata, then reflection when the application allows it
/// (<see cref="JsonSerializer.IsReflectionEnabledByDefault"/>, the default outside native AOT and trimming). A payload
/// type the generator cannot describe is reported at build time (SWB0030); list it in a <c>JsonSerializerContext</c>
/// set as <see cref="TypeInfoResolver"/>.
/// </remarks>
public static class PayloadJson
{
    private static IJsonTypeInfoResolver? typeInfoResolver;
    private static IJsonTypeInfoResolver[] generated = [];
    private static JsonSerializerOptions? options;

    /// <summary>
    /// Where JSON metadata for payload types comes from. <see langword="null"/> (the default) uses reflection when the
    /// application allows it; set it, for example to <c>MyJsonContext.Default</c>, before the first conversion.
    /// </summary>
    public static IJsonTypeInfoResolver? TypeInfoResolver
    {
        get => Volatile.Read(ref typeInfoResolver);
        set
        {
            Volatile.Write(ref typeInfoResolver, value);
            Volatile.Write(ref options, null);
        }
    }

    /// <summary>Adds the JSON metadata a generated <c>SwitchboardJsonMetadata</c> class describes; its module initializer calls this.</summary>
    /// <param name="resolver">The generated resolver.</param>
    /// <exception cref="ArgumentNullException"><paramref name="resolver"/> is <see langword="null"/>.</exception>
    /// <remarks>Thread-safe. Conversions that start afterwards use it.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void AddGeneratedTypeInfoResolver(IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        IJsonTypeInfoResolver[] current, updated;
        do
        {
            current = Volatile.Read(ref generated);
            updated = [.. current, resolver];
        }
        while (Interlocked.CompareExchange(ref generated, updated, current) != current);

        Volatile.Write(ref options, null);
    }

    /// <summary>The options conversions use: case-insensitive names, unknown keys rejected, required members enforced.</summary>
    internal static JsonSerializerOptions Options => Volatile.Read(ref options) ?? CreateOptions();

    /// <summary>Creates the adapter a generated registry gives a handler that takes a <typeparamref name="TPayload"/>.</summary>
    /// <typeparam name="TPayload">The handler's payload type.</typeparam>
    /// <param name="project">The handler's project.</param>
    /// <param name="messageHandler">The handler name.</param>
    /// <returns>An adapter converting any other payload (usually a dictionary) to a <typeparamref name="TPayload"/>.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static PayloadAdapter ToPayload<TPayload>(string project, string messageHandler) =>
        payload => PayloadConverter.ToPayload<TPayload>(payload, project, messageHandler);

    /// <summary>Creates the adapter a generated registry gives a handler that takes <c>IReadOnlyDictionary&lt;string, object?&gt;</c>.</summary>
    /// <param name="project">The handler's project.</param>
    /// <param name="messageHandler">The handler name.</param>
    /// <returns>An adapter converting a typed payload to a dictionary of its JSON properties.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static PayloadAdapter ToDictionary(string project, string messageHandler) =>
        payload => PayloadConverter.ToDictionary(payload, project, messageHandler);

    private static JsonSerializerOptions CreateOptions()
    {
        var created = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
#if NET9_0_OR_GREATER
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
#endif
            TypeInfoResolver = Resolver(),
        };
        if (created.TypeInfoResolver is not null)
        {
            created.MakeReadOnly();
        }

        return Interlocked.CompareExchange(ref options, created, null) ?? created;
    }

    private static IJsonTypeInfoResolver? Resolver()
    {
        var chain = new List<IJsonTypeInfoResolver>();
        if (Volatile.Read(ref typeInfoResolver) is { } configured)
        {
            chain.Add(configured);
        }

        chain.AddRange(Volatile.Read(ref generated));
        if (ReflectionResolverIfAllowed() is { } reflection)
        {
            chain.Add(reflection);
        }

        return chain.Count switch
        {
            0 => null,
            1 => chain[0],
            _ => JsonTypeInfoResolver.Combine([.. chain]),
        };
    }

    // The same guard System.Text.Json itself uses for JsonSerializerOptions.Default: trimming and native AOT set the
    // feature switch to false, so the reflection branch is removed from such applications.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached when JsonSerializer.IsReflectionEnabledByDefault, which trimmed applications turn off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only reached when JsonSerializer.IsReflectionEnabledByDefault, which native AOT applications turn off.")]
    private static IJsonTypeInfoResolver? ReflectionResolverIfAllowed() =>
        JsonSerializer.IsReflectionEnabledByDefault ? new DefaultJsonTypeInfoResolver() : null;
}
