namespace Herald.Client;

/// <summary>
/// Configures the cookie middleware (<see cref="HeraldMiddleware.Cookies"/>): which store keeps the cookies, which
/// policy decides what is kept and sent, and the clock that expires them. Read the cookies a client holds with
/// <see cref="HeraldClient.Cookies"/> (<c>client.Cookies.GetAllCookies()</c>).
/// </summary>
public sealed class CookieJarOptions
{
    private readonly HeraldClientOptions? _client;
    private ICookieStore? _store;

    /// <summary>Creates options whose clock, unless set, is <see cref="TimeProvider.System"/>.</summary>
    public CookieJarOptions()
    {
    }

    /// <summary>Creates the options of <paramref name="client"/>, whose clock they use unless they have their own.</summary>
    internal CookieJarOptions(HeraldClientOptions client) => _client = client;

    /// <summary>Gets or sets which cookies are kept and sent.</summary>
    /// <value>The default value is <see cref="CookiePolicy.Standard"/>.</value>
    public CookiePolicy Policy { get; set; } = CookiePolicy.Standard;

    /// <summary>
    /// Gets or sets a clock for cookie expiry in place of the client's: <c>Max-Age</c> is counted from it, and the
    /// default <see cref="Store"/> reads it. Set it (or <see cref="HeraldClientOptions.TimeProvider"/>) before
    /// <see cref="Store"/> is first read; a client reads it when it is built.
    /// </summary>
    /// <value>
    /// The default value is <see langword="null"/>: the client's <see cref="HeraldClientOptions.TimeProvider"/>
    /// (<see cref="TimeProvider.System"/> for options created on their own).
    /// </value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// Gets or sets the cookie store. Assign one <see cref="ICookieStore"/> to the options of several clients to share
    /// their cookies, or your own implementation to persist them.
    /// </summary>
    /// <value>
    /// The default value is a new <see cref="CookieStore"/> on the cookie clock (<see cref="TimeProvider"/>, else the
    /// client's), created when first read: each
    /// options object has its own, so each client built with <c>new HeraldClient(o => …)</c> has its own jar (clients
    /// built from one shared options object share it).
    /// </value>
    /// <exception cref="ArgumentNullException">Thrown when set to <see langword="null"/>.</exception>
    public ICookieStore Store
    {
        get => _store ??= new CookieStore(EffectiveTimeProvider);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _store = value;
        }
    }

    /// <summary>The clock in force: this object's, else the client's, else the system's.</summary>
    internal TimeProvider EffectiveTimeProvider => TimeProvider ?? _client?.TimeProvider ?? System.TimeProvider.System;

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
