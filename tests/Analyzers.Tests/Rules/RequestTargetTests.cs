using Microsoft.CodeAnalysis.Testing;
using Switchboard.Analyzers.Tests.Support;
using Verifier = Switchboard.Analyzers.Tests.Support.Verify<Switchboard.Analyzers.Rules.RequestTargetAnalyzer>;

namespace Switchboard.Analyzers.Tests.Rules;

public sealed class RequestTargetTests
{
    [Fact]
    public async Task A_request_to_a_handler_that_returns_nothing_is_an_error()
    {
        var source = Sources.ProjectX + Sources.Send("""await gateway.SendRequestAsync("X", {|#0:"notify"|});""");
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.InvalidRequestTarget).WithLocation(0)
                .WithArguments("notify", "X", "it returns nothing; a request handler returns a value, Task<T> or ValueTask<T>"));
    }

    [Fact]
    public async Task A_request_to_a_handler_that_is_not_a_gateway_handler_is_an_error()
    {
        var source = Sources.ProjectX + Sources.Send("""await gateway.SendRequestAsync<object>("X", {|#0:"test"|});""");
        await Verifier.AnalyzerAsync(
            source,
            new DiagnosticResult(DiagnosticDescriptors.InvalidRequestTarget).WithLocation(0)
                .WithArguments("test", "X", "it is declared in scope Session, and a request goes to a gateway handler"));
    }

    [Fact]
    public async Task Requests_to_gateway_handlers_that_return_values_and_messages_to_void_handlers_are_not_reported()
    {
        var source = Sources.ProjectX + """
            public static class MoreHandlers
            {
                [MessageHandler("total")]
                public static Task<int> TotalAsync() => Task.FromResult(1);

                [MessageHandler("count")]
                public static ValueTask<long> CountAsync(CancellationToken cancellationToken) => new(2L);
            }

            """ + Sources.Send("""
                await gateway.SendRequestAsync<int>("X", "add");
                await gateway.SendRequestAsync("X", "total");
                await gateway.SendRequestAsync<long>("X", "count");
                await gateway.SendAsync("X", "notify");
                """);
        await Verifier.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Response_types_come_from_a_referenced_manifest_too()
    {
        var source = Sources.Send("""
                await gateway.SendRequestAsync<int>("Lib", "sum");
                await gateway.SendRequestAsync("Lib", {|SWB0009:"reading"|});
                await gateway.SendRequestAsync("Lib", {|SWB0009:"alert"|});
                """);
        await Verifier.AnalyzerAsync(source, Sources.LibraryManifest);
    }
}
