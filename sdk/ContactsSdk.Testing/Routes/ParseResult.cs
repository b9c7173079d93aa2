using ContactsSdk.Testing.Json;

namespace ContactsSdk.Testing.Routes;

/// <summary>Either what a request body asks for or the service error to answer it with (HTTP 200).</summary>
internal readonly struct ParseResult<T>
    where T : class
{
    private ParseResult(T? value, ResultMessage? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ResultMessage? Error { get; }

    public static implicit operator ParseResult<T>(T value) => new(value, null);

    public static implicit operator ParseResult<T>(ResultMessage error) => new(null, error);

    /// <summary>The same error as a result of another type, to pass it on.</summary>
    public ParseResult<TOther> ErrorAs<TOther>()
        where TOther : class => Error!;
}
