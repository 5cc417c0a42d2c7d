using Herald.Client.Tests.Infrastructure;

namespace Herald.Client.Tests.Client;

/// <summary>The request's own setters: values they cannot honour are refused where they are set, before anything is sent.</summary>
public sealed class HeraldRequestTests(EchoServer echo) : IClassFixture<EchoServer>
{
    public static TheoryData<string, Action<HeraldRequest>> UndefinedEnumSetters => new()
    {
        { "kind", r => r.As((ResponseBodyKind)99) },
        { "mode", r => r.Coerce((CoerceMode)99) },
        { "style", r => r.QueryStyle((MultiParamStyle)99) },
    };

    [Theory]
    [MemberData(nameof(UndefinedEnumSetters))]
    public async Task Setter_UndefinedEnumValue_ThrowsNamingTheParameter(string parameter, Action<HeraldRequest> configure)
    {
        using var client = new HeraldClient(o => o.BaseAddress = echo.BaseAddress);

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetAsync("echo/x", configure));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains("99", ex.Message, StringComparison.Ordinal);
    }
}
