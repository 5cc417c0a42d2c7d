using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Herald.Responses.Tests.Negotiation;

/// <summary>A custom format, written and read by a test: customers as <c>text/csv</c> (header line, then rows).</summary>
internal sealed class CsvContentConverter : IContentConverter
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    public IReadOnlyList<string> MediaTypes { get; } = ["text/csv"];

    public IReadOnlyList<Encoding> SupportedEncodings { get; } = [Utf8];

    public bool CanWrite(HttpContext httpContext, Type type) => type == typeof(Customer) || type == typeof(Customer[]);

    public bool CanRead(Type type) => type == typeof(Customer[]);

    public async ValueTask WriteAsync(ContentWriteContext context, CancellationToken cancellationToken)
    {
        var customers = context.Value switch
        {
            Customer one => [one],
            Customer[] many => many,
            _ => Array.Empty<Customer>(),
        };
        var csv = new StringBuilder("id,firstName,lastName\n");
        foreach (var c in customers)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{c.Id},{c.FirstName},{c.LastName}\n");
        }

        await context.HttpContext.Response.BodyWriter.WriteAsync(context.Encoding.GetBytes(csv.ToString()), cancellationToken);
    }

    public async ValueTask<object?> ReadAsync(ContentReadContext context, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Body, context.Encoding ?? Utf8, leaveOpen: true);
        var lines = (await reader.ReadToEndAsync(cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<Customer>();
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != 3 || !int.TryParse(cells[0], CultureInfo.InvariantCulture, out var id))
            {
                throw new ContentReceiveException($"Row {i + 1} is not 'id,firstName,lastName'.") { LineNumber = i + 1, LinePosition = 1 };
            }

            result.Add(new Customer(id, cells[1], cells[2]));
        }

        return result.ToArray();
    }
}
