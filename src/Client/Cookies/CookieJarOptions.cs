namespace Herald.Client;

/// <summary>
/// Configures the cookie middleware (<see cref="HeraldMiddleware.Cookies"/>): which store keeps the cookies, which
/// policy decides what is kept and sent, and the clock that expires them. Read the cookies a client holds with
/// <see cref="HeraldClient.Cookies"/> (<c>client.Cookies.GetAllCookies()</c>).
/// </summary>
public sealed class CookieJarOptions
{
    private ICookieStore? _store;

    /// <summary>Gets or sets which cookies are kept and sent.</summary>
    /// <value>The default value is <see cref="CookiePolicy.Standard"/>.</value>
    public CookiePolicy Policy { get; set; } = CookiePolicy.Standard;

    /// <summary>
    /// Gets or sets the clock for cookie expiry: <c>Max-Age</c> is counted from it, and the default
    /// <see cref="Store"/> reads it. Set it before <see cref="Store"/> is first read.
    /// </summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    /// <exception cref="ArgumentNullException">Thrown when set to <see langword="null"/>.</exception>
    public TimeProvider TimeProvider
    {
        get;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value;
        }
    } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the cookie store. Assign one <see cref="ICookieStore"/> to the options of several clients to share
    /// their cookies, or your own implementation to persist them.
    /// </summary>
    /// <value>
    /// The default value is a new <see cref="CookieStore"/> on <see cref="TimeProvider"/>, created when first read: each
    /// options object has its own, so each client built with <c>new HeraldClient(o => …)</c> has its own jar (clients
    /// built from one shared options object share it).
    /// </value>
    /// <exception cref="ArgumentNullException">Thrown when set to <see langword="null"/>.</exception>
    public ICookieStore Store
    {
        get => _store ??= new CookieStore(TimeProvider);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _store = value;
        }
    }

    /// <summary>Checks the settings when a client is built.</summary>
    internal void Validate()
    {
        if (!Enum.IsDefined(Policy))
        {
            throw new ArgumentException(
                $"CookieJarOptions.Policy has the undefined value {(int)Policy}; use a CookiePolicy member.", nameof(Policy));
        }
    }
}
