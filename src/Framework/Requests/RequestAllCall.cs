using System.Threading.Channels;

namespace Switchboard;

/// <summary>
/// One request-all in flight: a slot per selected target, filled by the target's answer or failure, by the reason it
/// could not be asked, or, at the deadline, as timed out. Its outcome is a report of every slot in selection order
/// (<see cref="Report"/>), or the results one by one as they are filled (<see cref="Results"/>).
/// </summary>
/// <remarks>
/// <para>The whole call is one <see cref="RequestCompletion{TResponse}"/> (<see cref="wait"/>): one entry in the
/// gateway's deadline heap, one registration on the caller's token, and one token source whose token every handler of
/// the call gets, signalled on timeout or cancellation. A target costs its slot and nothing else.</para>
/// <para>Slots are filled under one lock, by workers as handlers answer and by the selection as it goes. The call ends
/// when selection is over and every slot is filled, or at the deadline (every slot still empty is then timed out; a
/// deadline that passes while targets are still being selected times them out once selection is over, so that every
/// selected target is in the report), or when the caller cancels (the outcome is then the cancellation).</para>
/// </remarks>
/// <typeparam name="TResponse">The caller's response type; answers are converted on the worker that produced them.</typeparam>
internal sealed class RequestAllCall<TResponse> : IRequestAllTargets
{
    private readonly object gate = new();
    private readonly List<Slot> slots = [];
    private readonly RequestCompletion<object?> wait;
    private readonly Channel<RequestAllResult<TResponse>>? stream;
    private readonly TaskCompletionSource<RequestAllReport<TResponse>>? gathered;
    private int pending;
    private bool selecting = true;
    private bool timedOut;
    private bool finished;

    /// <param name="project">The project, for failures' messages.</param>
    /// <param name="messageHandler">The handler name, for failures' messages.</param>
    /// <param name="timeout">How long every target has to answer.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="deadlines">The gateway's deadline heap.</param>
    /// <param name="streaming">Whether results go out one by one (<see cref="Results"/>) rather than as one report.</param>
    public RequestAllCall(string project, string messageHandler, TimeSpan timeout, CancellationToken cancellationToken, DeadlineScheduler<RequestCompletion> deadlines, bool streaming)
    {
        Project = project;
        MessageHandler = messageHandler;
        wait = new RequestCompletion<object?>(project, messageHandler, timeout, cancellationToken, deadlines);
        if (streaming)
        {
            stream = Channel.CreateUnbounded<RequestAllResult<TResponse>>(new UnboundedChannelOptions { SingleReader = true });
        }
        else
        {
            gathered = new TaskCompletionSource<RequestAllReport<TResponse>>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public string Project { get; }

    public string MessageHandler { get; }

    /// <inheritdoc />
    public Type ResponseType => typeof(TResponse);

    /// <summary>The report, once every target answered or the deadline passed; cancelled with the caller's token.</summary>
    public Task<RequestAllReport<TResponse>> Report => gathered?.Task ?? throw new InvalidOperationException("This request-all streams its results.");

    /// <summary>The results as they are filled; the reader ends at the end of the call, or throws its cancellation.</summary>
    public ChannelReader<RequestAllResult<TResponse>> Results => stream?.Reader ?? throw new InvalidOperationException("This request-all gathers its results.");

    /// <summary>Starts the clock and listens to the caller's token; call once, before anything is queued.</summary>
    public void Start()
    {
        wait.Start();
        _ = ObserveWaitAsync();
    }

    /// <summary>A slot for a target about to be asked; fill it with <see cref="Settle"/> if it cannot be, or let its handler answer.</summary>
    public Slot Expect(in DeliveryResult target)
    {
        var slot = new Slot(this, target);
        lock (gate)
        {
            slots.Add(slot);
            pending++;
        }

        return slot;
    }

    /// <summary>Fills a slot whose target was not asked, with the send status that says why (no handler, denied, queue full, unreachable).</summary>
    public void Settle(Slot slot, DeliveryStatus status)
    {
        slot.Target = slot.Target with { Status = status };
        Fill(slot, new RequestAllResult<TResponse> { Target = slot.Target, Status = RequestAllStatusCode.FromDelivery(status) });
    }

    /// <inheritdoc />
    IRequestAllSlot IRequestAllTargets.Expect(in DeliveryResult target) => Expect(target);

    /// <inheritdoc />
    void IRequestAllTargets.Settle(IRequestAllSlot slot, DeliveryStatus status) => Settle((Slot)slot, status);

    /// <inheritdoc />
    public void SettleRemote(IRequestAllSlot slot, IReadOnlyList<RequestAllAnswer> answers)
    {
        var results = new RequestAllResult<TResponse>[answers.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var answer = answers[i];
            results[i] = answer.Status == RequestAllStatus.Answered
                ? Typed(answer.Target, answer.Response)
                : new RequestAllResult<TResponse> { Target = answer.Target, Status = answer.Status, Exception = answer.Exception };
        }

        Fill((Slot)slot, default, results);
    }

    /// <inheritdoc />
    public void Fault(IRequestAllSlot slot, RequestAllStatus status, Exception? exception) =>
        Fill((Slot)slot, new RequestAllResult<TResponse> { Target = slot.Target, Status = status, Exception = exception });

    /// <summary>Leaves out a target that turned out to be closing, as a send does: it was never selected.</summary>
    public void Withdraw(Slot slot)
    {
        lock (gate)
        {
            if (slot.Done)
            {
                return;
            }

            slot.Done = true;
            slot.Withdrawn = true;
            pending--;
        }

        FinishIfComplete();
    }

    /// <summary>Says that every target has a slot: the call can end once they are all filled.</summary>
    public void SelectionDone()
    {
        lock (gate)
        {
            selecting = false;
        }

        FinishIfComplete();
    }

    /// <summary>Gives up: the call is cancelled as if by the caller, and the handlers still running are signalled.</summary>
    public void Abandon(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (finished)
            {
                return;
            }

            finished = true;
        }

        gathered?.TrySetCanceled(cancellationToken);
        stream?.Writer.TryComplete(new OperationCanceledException(cancellationToken));
    }

    private void Answer(Slot slot, object? response) => Fill(slot, Typed(slot.Target, response));

    /// <summary>An answer as the caller's type; one of another type is a failure that says so.</summary>
    private RequestAllResult<TResponse> Typed(in DeliveryResult target, object? response)
    {
        if (RequestResponse.TryConvert(response, out TResponse value))
        {
            return new() { Target = target, Status = RequestAllStatus.Answered, Response = value };
        }

        if (response is null)
        {
            // A handler that returns nothing (or null) answers the response type's default.
            return new() { Target = target, Status = RequestAllStatus.Answered };
        }

        return new()
        {
            Target = target,
            Status = RequestAllStatus.Failed,
            Exception = RequestResponse.WrongType<TResponse>(response, Project, MessageHandler),
        };
    }

    private bool Fail(Slot slot, Exception handlerException)
    {
        // A handler that stops because the call timed out or was cancelled is accounted for by that, not as a failure.
        if (handlerException is OperationCanceledException && wait.Token.IsCancellationRequested)
        {
            return false;
        }

        // A target in another process that could not be reached did not fail: it was not asked.
        var unreachable = handlerException is GatewayUnreachableException;
        Fill(slot, new RequestAllResult<TResponse>
        {
            Target = slot.Target,
            Status = unreachable ? RequestAllStatus.Unreachable : RequestAllStatus.Failed,
            Exception = unreachable ? handlerException : new MessageHandlerFailedException(Project, MessageHandler, handlerException),
        });
        return !unreachable;
    }

    private void Fill(Slot slot, in RequestAllResult<TResponse> result, RequestAllResult<TResponse>[]? many = null)
    {
        lock (gate)
        {
            if (finished || slot.Done)
            {
                return;
            }

            slot.Done = true;
            slot.Result = result;
            slot.Many = many;
            pending--;
            if (stream is not null)
            {
                Publish(slot);
            }
        }

        FinishIfComplete();
    }

    // Under the lock.
    private void Publish(Slot slot)
    {
        if (slot.Many is { } many)
        {
            foreach (var result in many)
            {
                stream!.Writer.TryWrite(result);
            }
        }
        else
        {
            stream!.Writer.TryWrite(slot.Result);
        }
    }

    private void FinishIfComplete()
    {
        bool answered;
        lock (gate)
        {
            if (finished || selecting || (pending > 0 && !timedOut))
            {
                return;
            }

            finished = true;
            answered = !timedOut;
            if (timedOut)
            {
                TimeOutPending();
            }
        }

        if (answered)
        {
            // Releases the deadline entry and the caller's registration; every local handler has returned.
            wait.Complete(null);
        }

        Finish();
    }

    private async Task ObserveWaitAsync()
    {
        try
        {
            await wait.Task.ConfigureAwait(false);
        }
        catch (RequestTimeoutException)
        {
            lock (gate)
            {
                timedOut = true;
            }

            FinishIfComplete();
        }
        catch (OperationCanceledException cancelled)
        {
            Abandon(cancelled.CancellationToken);
        }
    }

    // Under the lock: every slot still empty has timed out.
    private void TimeOutPending()
    {
        foreach (var slot in slots)
        {
            if (!slot.Done)
            {
                slot.Done = true;
                slot.Result = new RequestAllResult<TResponse> { Target = slot.Target, Status = RequestAllStatus.TimedOut };
                if (stream is not null)
                {
                    Publish(slot);
                }
            }
        }

        pending = 0;
    }

    private void Finish()
    {
        if (stream is not null)
        {
            stream.Writer.TryComplete();
            return;
        }

        List<RequestAllResult<TResponse>> results;
        lock (gate)
        {
            results = new List<RequestAllResult<TResponse>>(slots.Count);
            foreach (var slot in slots)
            {
                if (slot.Many is { } many)
                {
                    results.AddRange(many);
                }
                else if (!slot.Withdrawn)
                {
                    results.Add(slot.Result);
                }
            }
        }

        gathered!.TrySetResult(new RequestAllReport<TResponse>([.. results]));
    }

    /// <summary>One selected target: its identity, and its result once filled. What its queued delivery answers to.</summary>
    internal sealed class Slot(RequestAllCall<TResponse> call, DeliveryResult target) : IRequestReply, IRequestAllSlot
    {
        private volatile bool done;

        public DeliveryResult Target { get; set; } = target;

        /// <summary>Whether the slot is filled (or withdrawn). Written under the call's lock.</summary>
        public bool Done
        {
            get => done;
            set => done = value;
        }

        public bool Withdrawn { get; set; }

        public RequestAllResult<TResponse> Result { get; set; }

        public RequestAllResult<TResponse>[]? Many { get; set; }

        public Type ResponseType => typeof(TResponse);

        public TimeSpan Remaining => call.wait.Remaining;

        public bool IsCompleted => done || call.wait.IsCompleted;

        public CancellationToken Token => call.wait.Token;

        public bool TryExpire() => call.wait.TryExpire();

        public void Complete(object? result) => call.Answer(this, result);

        public bool Fail(Exception handlerException) => call.Fail(this, handlerException);
    }
}
