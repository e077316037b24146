namespace Switchboard;

/// <summary>
/// The waiting side of one request: its response, its timeout, and the caller's cancellation. Completed exactly once,
/// by the handler's result or failure, the timeout, or the caller's token, whichever comes first.
/// </summary>
/// <remarks>
/// <para>Nothing here costs a timer or a linked token source: the timeout is an entry in the gateway's
/// <see cref="DeadlineScheduler{TEntry}"/> (one timer for all its requests), and the caller's token gets a registration only
/// when it can be cancelled at all. The completion is itself the handler's token source (one that never holds a timer),
/// so a request allocates no source of its own; the handler gets its token only when a timeout or the caller's token
/// can signal it, and <see cref="CancellationToken.None"/> otherwise.</para>
/// <para>Whoever completes the request (one compare-and-swap decides) records the outcome, cleans up (the deadline
/// entry and the caller's registration) and publishes the outcome to the caller's task. A timeout or a cancellation
/// signals the handler's token after that. The source is never disposed: it holds no timer, so there is nothing to
/// release, and a late Cancel or a handler reading its token never meets a disposed source.</para>
/// <para>Where the caller's task is completed, which is where an <c>await</c> on it continues: a handler that answers
/// while its drainer runs it (the usual, synchronous case) leaves its answer held (<see cref="HoldAnswerOf"/>); the
/// drainer publishes it itself once it has stepped out of its queue's count (the queue empty) so that the caller's
/// continuation runs on that thread with no thread-pool work item of its own, or from a work item when more work
/// waits. Every other outcome (a handler that went asynchronous, a timeout, the caller's cancellation) is published
/// from a thread-pool work item (this object), never inline on the thread that decided it: a timer callback, a
/// handler's continuation or the caller's <c>Cancel</c>.</para>
/// </remarks>
internal abstract class RequestCompletion : CancellationTokenSource, IScheduledDeadline, IRequestReply, IThreadPoolWorkItem
{
    private const int Pending = 0;
    private const int Done = 1;

    // The request whose handler the drainer on this thread runs now: if that handler answers before it returns, the
    // drainer publishes the answer itself (HoldAnswerOf, TakeHeldAnswer).
    [ThreadStatic]
    private static RequestCompletion? answeringHere;

    private readonly DeadlineScheduler<RequestCompletion>? deadlines;
    private readonly bool canSignal;
    private readonly CancellationToken callerToken;
    private CancellationTokenRegistration callerRegistration;
    private int state;

    // The outcome, recorded by whoever completes the request and read when it is published: the handler's value, or
    // the exception to fail with.
    private object? outcome;
    private OutcomeKind kind;

    // Whether the outcome waits for the drainer that ran the handler to publish it.
    private bool held;

    private enum OutcomeKind : byte
    {
        Value,
        Failure,
        Cancelled,
    }

    protected RequestCompletion(string project, string messageHandler, TimeSpan timeout, CancellationToken callerToken, DeadlineScheduler<RequestCompletion> deadlines)
    {
        Project = project;
        MessageHandler = messageHandler;
        Timeout = timeout;
        this.callerToken = callerToken;
        var timed = timeout != System.Threading.Timeout.InfiniteTimeSpan;
        this.deadlines = timed ? deadlines : null;
        canSignal = timed || callerToken.CanBeCanceled;
    }

    public string Project { get; }

    public string MessageHandler { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Given to the handler: signalled on timeout or caller cancellation (never, when neither can happen).</summary>
    public new CancellationToken Token => canSignal ? base.Token : CancellationToken.None;

    /// <summary>Whether the request has its outcome; a request completed while queued is not run.</summary>
    public bool IsCompleted => Volatile.Read(ref state) != Pending;

    /// <inheritdoc />
    public long Deadline { get; set; } = long.MaxValue;

    /// <inheritdoc />
    public int DeadlineIndex { get; set; } = -1;

    /// <summary>How long until the deadline (at least a millisecond), or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> without one.</summary>
    public TimeSpan Remaining
    {
        get
        {
            if (deadlines is null || Deadline == long.MaxValue)
            {
                return System.Threading.Timeout.InfiniteTimeSpan;
            }

            var left = deadlines.Until(Deadline);
            return left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
        }
    }

    /// <summary>Starts the clock and listens to the caller's token; call once, before the request is queued.</summary>
    public void Start()
    {
        if (callerToken.CanBeCanceled)
        {
            // Registered before the deadline entry, so that every other way to complete sees the registration.
            callerRegistration = callerToken.UnsafeRegister(static state => ((RequestCompletion)state!).OnCallerCancelled(), this);
        }

        if (deadlines is not null)
        {
            deadlines.Add(this, Timeout);

            // The caller may have cancelled in between, before there was an entry to remove.
            if (IsCompleted)
            {
                deadlines.Remove(this);
            }
        }
    }

    /// <summary>Answers the caller with the handler's value.</summary>
    public void Complete(object? result)
    {
        if (TryFinish())
        {
            outcome = result;
            kind = OutcomeKind.Value;
            ReleaseAfterHandler();
            PublishOrHold();
        }
    }

    /// <summary>Reports what the handler threw; a cancellation the deadline or the caller caused was answered already.</summary>
    /// <returns><see langword="true"/> when the handler failed on its own account.</returns>
    public bool Fail(Exception handlerException)
    {
        if (handlerException is OperationCanceledException && IsCancellationRequested)
        {
            return false;
        }

        if (TryFinish())
        {
            outcome = new MessageHandlerFailedException(Project, MessageHandler, handlerException);
            kind = OutcomeKind.Failure;
            ReleaseAfterHandler();
            PublishOrHold();
        }

        return true;
    }

    /// <summary>The gateway did not take the request (its queue was full or it has closed): nothing will answer it.</summary>
    public void Abandon()
    {
        if (TryFinish())
        {
            ReleaseAfterHandler();
        }
    }

    /// <summary>
    /// Times the request out now if its deadline has passed but the gateway's timer has not fired yet (it runs on the
    /// thread pool, which is late exactly when the pool is busy). Called before the handler runs.
    /// </summary>
    /// <returns><see langword="true"/> when the request had expired; its handler must not run.</returns>
    public bool TryExpire()
    {
        if (deadlines is null || !deadlines.HasPassed(Deadline))
        {
            return false;
        }

        deadlines.Remove(this);
        TryTimeOut();
        return true;
    }

    /// <summary>Called when the deadline scheduler has removed the expired entry (see <see cref="Expire"/>).</summary>
    /// <returns><see langword="true"/> when the timeout completed the request, so its handler must be signalled.</returns>
    internal bool TryTimeOut()
    {
        if (!TryFinish())
        {
            return false;
        }

        // A caller that cancelled at the same moment hears about its cancellation, as with a linked token.
        if (callerToken.IsCancellationRequested)
        {
            kind = OutcomeKind.Cancelled;
        }
        else
        {
            outcome = new RequestTimeoutException(Project, MessageHandler, Timeout);
            kind = OutcomeKind.Failure;
        }

        callerRegistration.Unregister();
        PublishOnPool();
        return true;
    }

    /// <summary>Signals the handler's token after a timeout (see <see cref="TryTimeOut"/>).</summary>
    internal void SignalHandler() => Cancel();

    /// <summary>
    /// Times out the requests whose deadline passed: every caller's answer is decided and handed to the thread pool
    /// first, and only then are the handlers' tokens signalled, because a handler's cancellation callbacks are user code
    /// that may take its time.
    /// </summary>
    internal static void Expire(List<RequestCompletion> expired)
    {
        expired.RemoveAll(request => !request.TryTimeOut());
        foreach (var request in expired)
        {
            try
            {
                request.SignalHandler();
            }
            catch (AggregateException)
            {
                // A callback the handler registered on its token threw. That is the handler's affair, and it must not
                // keep the other handlers here from being signalled.
            }
        }
    }

    /// <summary>
    /// Called by a drainer before it runs <paramref name="reply"/>'s handler: if that handler answers before it returns,
    /// on this thread, the answer is held for <see cref="TakeHeldAnswer"/> instead of being published at once.
    /// </summary>
    /// <returns>Whether <paramref name="reply"/> is a request whose answer may be held (then call <see cref="TakeHeldAnswer"/>).</returns>
    internal static bool HoldAnswerOf(IRequestReply? reply)
    {
        if (reply is not RequestCompletion request)
        {
            return false;
        }

        answeringHere = request;
        return true;
    }

    /// <summary>
    /// <see cref="HoldAnswerOf"/> for a handler run inline, on a thread that may be a drainer running another request's
    /// handler: then that request's hold stays, and this answer is published as any other.
    /// </summary>
    internal static bool TryHoldAnswerOf(IRequestReply? reply) => answeringHere is null && HoldAnswerOf(reply);

    /// <summary>
    /// Called by the drainer once the handler's run has returned: the request it answered on this thread, whose
    /// answer the drainer must now publish (<see cref="PublishHere"/> or <see cref="PublishOnPool"/>), or null.
    /// </summary>
    internal static RequestCompletion? TakeHeldAnswer()
    {
        var request = answeringHere;
        answeringHere = null;
        return request is { held: true } ? request : null;
    }

    /// <summary>Completes the caller's task on this thread: the caller's continuation may run here, inline.</summary>
    internal void PublishHere()
    {
        held = false;
        Publish();
    }

    /// <summary>Completes the caller's task from a thread-pool work item, so that its continuation runs there.</summary>
    internal void PublishOnPool()
    {
        held = false;
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute() => Publish();

    private void PublishOrHold()
    {
        if (ReferenceEquals(answeringHere, this))
        {
            held = true;
        }
        else
        {
            PublishOnPool();
        }
    }

    private void Publish()
    {
        switch (kind)
        {
            case OutcomeKind.Cancelled:
                SetCanceled(callerToken);
                break;
            case OutcomeKind.Failure:
                SetException((Exception)outcome!);
                break;
            default:
                SetResult(outcome);
                break;
        }
    }

    protected abstract void SetResult(object? result);

    protected abstract void SetException(Exception exception);

    protected abstract void SetCanceled(CancellationToken cancellationToken);

    private bool TryFinish() => Interlocked.CompareExchange(ref state, Done, Pending) == Pending;

    private void OnCallerCancelled()
    {
        if (!TryFinish())
        {
            return;
        }

        kind = OutcomeKind.Cancelled;
        deadlines?.Remove(this);
        PublishOnPool();

        // On the caller's thread, inside its Cancel, as a linked token source would.
        Cancel();
    }

    /// <summary>Cleans up after the handler's own outcome (or no run at all).</summary>
    private void ReleaseAfterHandler()
    {
        deadlines?.Remove(this);
        callerRegistration.Unregister();
    }
}
