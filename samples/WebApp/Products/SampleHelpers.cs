using System.Globalization;
using Herald.Templating;

namespace WebApp.Products;

/// <summary>The sample's Handlebars helpers, registered at start-up.</summary>
public static class SampleHelpers
{
    /// <summary>Adds <c>{{truncate text 15}}</c> (escaped like any value).</summary>
    public static HandlebarsTemplateOptions AddSampleHelpers(this HandlebarsTemplateOptions options) =>
        options.AddHelper("truncate", (writer, context, arguments) =>
            writer.Write(ProductCatalog.Truncate(arguments[0]?.ToString() ?? "", Convert.ToInt32(arguments[1], CultureInfo.InvariantCulture))));
}
