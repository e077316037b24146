namespace Switchboard.Redis.Durable;

/// <summary>A durable message that failed too often (or could not be read), kept in its dead-letter stream until replayed.</summary>
/// <param name="Id">The dead-letter stream entry's id; pass it to <see cref="RedisDurableQueue.ReplayDeadLetterAsync"/>.</param>
/// <param name="Message">The message, or <see langword="null"/> when its entry could not be read.</param>
/// <param name="Error">Why it was dead-lettered: the last failure's message.</param>
/// <param name="Attempts">How many times its handler ran and failed.</param>
public sealed record DeadLetter(string Id, DurableMessage? Message, string Error, long Attempts);
