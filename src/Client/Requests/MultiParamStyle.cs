namespace Herald.Client;

/// <summary>
/// How a query parameter or form field with several values is written (clj-http's <c>:multi-param-style</c>).
/// </summary>
public enum MultiParamStyle
{
    /// <summary>The name repeated once per value: <c>a=1&amp;a=2</c>. The default; what ASP.NET Core binds to arrays.</summary>
    Repeat,

    /// <summary>Empty brackets after the name: <c>a[]=1&amp;a[]=2</c> (PHP, Rails).</summary>
    Array,

    /// <summary>The index in brackets: <c>a[0]=1&amp;a[1]=2</c>.</summary>
    Indexed,

    /// <summary>One parameter with the values separated by commas: <c>a=1,2</c> (a comma inside a value is encoded as <c>%2C</c>).</summary>
    CommaSeparated,
}
