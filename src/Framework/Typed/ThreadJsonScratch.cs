using System.Buffers;
using System.Text.Json;

namespace Switchboard;

/// <summary>
/// A thread's reusable buffer and JSON writer, for code that writes JSON once per message (the wire's payloads, a
/// dictionary converted to a handler's record): taken, not borrowed, so that a JSON converter that writes another value
/// on the same thread meanwhile gets new ones; given back unless the buffer grew large.
/// </summary>
internal readonly struct ThreadJsonScratch
{
    // A buffer that grew past this (a large payload) is let go instead of being kept by the thread.
    private const int KeptBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? threadBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? threadWriter;

    private ThreadJsonScratch(ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        Buffer = buffer;
        Writer = writer;
    }

    /// <summary>Where <see cref="Writer"/> writes.</summary>
    public ArrayBufferWriter<byte> Buffer { get; }

    /// <summary>A writer over <see cref="Buffer"/>, reset.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>Takes this thread's buffer and writer, or new ones while they are taken.</summary>
    public static ThreadJsonScratch Take()
    {
        var buffer = threadBuffer ?? new ArrayBufferWriter<byte>(256);
        var writer = threadWriter;
        threadBuffer = null;
        threadWriter = null;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            writer.Reset(buffer);
        }

        return new ThreadJsonScratch(buffer, writer);
    }

    /// <summary>Gives the buffer and writer back to this thread, emptied, unless the buffer grew past what a thread keeps.</summary>
    public void Return()
    {
        Writer.Reset();
        if (Buffer.Capacity <= KeptBufferBytes)
        {
            Buffer.ResetWrittenCount();
            threadBuffer = Buffer;
            threadWriter = Writer;
        }
    }
}
