namespace Herald.Client;

public sealed partial class HeraldResponse
{
    /// <summary>
    /// Gets how many times the call was sent by the retry middleware: 1 when it succeeded (or failed for good) at the
    /// first attempt or no retry is installed, 2 after one retry, and so on. Redirect hops are not attempts.
    /// </summary>
    public int Attempts => _exchange.Attempts;
}
