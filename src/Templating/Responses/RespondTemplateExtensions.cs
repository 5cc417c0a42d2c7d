using Herald.Responses;
using Herald.Responses.Conditional;
using Herald.Responses.Internal;
using Microsoft.AspNetCore.Components;

namespace Herald.Templating;

/// <summary>Template results on <see cref="Respond"/>: <c>Respond.Template(...)</c>, <c>Respond.Razor&lt;TComponent&gt;(...)</c> and <c>Respond.Slice&lt;TSlice&gt;(...)</c>.</summary>
public static class RespondTemplateExtensions
{
    extension(Respond)
    {
        /// <summary>
        /// Creates a result that renders the template <paramref name="name"/> with <paramref name="model"/> (Ktor's
        /// <c>respondTemplate</c>). The engine is picked by the name's extension or the configured default.
        /// </summary>
        /// <param name="name">The template's name (<c>index</c> reads <c>templates/index.hbs</c>; a mapped Razor name renders its component).</param>
        /// <param name="model">The model; may be <see langword="null"/>.</param>
        /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
        /// <param name="contentType">The <c>Content-Type</c>; <c>text/html; charset=utf-8</c> when <see langword="null"/>.</param>
        /// <param name="etag">An entity tag sent in <c>ETag</c>; a matching <c>If-None-Match</c> answers 304 without rendering.</param>
        /// <returns>A <see cref="TemplateResult"/>.</returns>
        /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> is <see langword="null"/>.</exception>
        /// <exception cref="ArgumentException">Thrown when the name is empty, the content type or entity tag is invalid, or the status code forbids a body.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
        public static TemplateResult Template(string name, object? model = null, int? statusCode = null, string? contentType = null, string? etag = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            var status = StatusCodeGuard.BodyStatus(statusCode, nameof(statusCode));
            var type = TextContentType.Resolve(contentType, TextContentType.HtmlUtf8, nameof(contentType));
            var tag = EntityTags.CreateOrNull(etag, nameof(etag));
            return new TemplateResult(name, model, component: null, parameters: null, type, status, tag);
        }

        /// <summary>Creates a result that renders the Razor component <typeparamref name="TComponent"/> (with its <c>@layout</c>) as the page.</summary>
        /// <typeparam name="TComponent">The component, compiled at build time from a <c>.razor</c> file.</typeparam>
        /// <param name="parameters">The component's parameters by name; may be <see langword="null"/>.</param>
        /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
        /// <param name="contentType">The <c>Content-Type</c>; <c>text/html; charset=utf-8</c> when <see langword="null"/>.</param>
        /// <param name="etag">An entity tag sent in <c>ETag</c>; a matching <c>If-None-Match</c> answers 304 without rendering.</param>
        /// <returns>A <see cref="TemplateResult"/>.</returns>
        /// <exception cref="ArgumentException">Thrown when the content type or entity tag is invalid, or the status code forbids a body.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
        public static TemplateResult Razor<TComponent>(IReadOnlyDictionary<string, object?>? parameters = null, int? statusCode = null, string? contentType = null, string? etag = null)
            where TComponent : IComponent
        {
            var status = StatusCodeGuard.BodyStatus(statusCode, nameof(statusCode));
            var type = TextContentType.Resolve(contentType, TextContentType.HtmlUtf8, nameof(contentType));
            var tag = EntityTags.CreateOrNull(etag, nameof(etag));
            return new TemplateResult(typeof(TComponent).Name, parameters, typeof(TComponent), parameters, type, status, tag);
        }

        /// <summary>
        /// Creates a result that renders the Razor slice <typeparamref name="TSlice"/> with <paramref name="model"/>: the
        /// lean Razor path, a compiled <c>.cshtml</c> writing straight to the response buffer. Needs no <c>AddTemplating</c>.
        /// </summary>
        /// <typeparam name="TSlice">The slice's generated class, deriving from <see cref="RazorSlice{TModel}"/>.</typeparam>
        /// <typeparam name="TModel">The slice's model type.</typeparam>
        /// <param name="model">The model.</param>
        /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
        /// <param name="contentType">The <c>Content-Type</c>; <c>text/html; charset=utf-8</c> when <see langword="null"/>.</param>
        /// <param name="etag">An entity tag sent in <c>ETag</c>; a matching <c>If-None-Match</c> answers 304 without rendering.</param>
        /// <returns>A <see cref="TemplateResult"/>.</returns>
        /// <exception cref="ArgumentException">Thrown when the content type or entity tag is invalid, or the status code forbids a body.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
        public static TemplateResult Slice<TSlice, TModel>(TModel model, int? statusCode = null, string? contentType = null, string? etag = null)
            where TSlice : RazorSlice<TModel>, new() =>
            SliceResult(typeof(TSlice), model, TypedSliceFactory<TSlice, TModel>.Create, statusCode, contentType, etag);

        /// <summary>Creates a result that renders the Razor slice <typeparamref name="TSlice"/>, a slice without a model.</summary>
        /// <typeparam name="TSlice">The slice's generated class, deriving from <see cref="RazorSlice"/>.</typeparam>
        /// <param name="statusCode">The status code; 200 when <see langword="null"/>.</param>
        /// <param name="contentType">The <c>Content-Type</c>; <c>text/html; charset=utf-8</c> when <see langword="null"/>.</param>
        /// <param name="etag">An entity tag sent in <c>ETag</c>; a matching <c>If-None-Match</c> answers 304 without rendering.</param>
        /// <returns>A <see cref="TemplateResult"/>.</returns>
        /// <exception cref="ArgumentException">Thrown when the content type or entity tag is invalid, or the status code forbids a body.</exception>
        /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="statusCode"/> is outside 100-999.</exception>
        public static TemplateResult Slice<TSlice>(int? statusCode = null, string? contentType = null, string? etag = null)
            where TSlice : RazorSlice, new() =>
            SliceResult(typeof(TSlice), model: null, SliceFactory<TSlice>.Create, statusCode, contentType, etag);
    }

    private static TemplateResult SliceResult(Type slice, object? model, Func<object?, RazorSlice> create, int? statusCode, string? contentType, string? etag)
    {
        var status = StatusCodeGuard.BodyStatus(statusCode, nameof(statusCode));
        var type = TextContentType.Resolve(contentType, TextContentType.HtmlUtf8, nameof(contentType));
        var tag = EntityTags.CreateOrNull(etag, nameof(etag));
        return new TemplateResult(slice.Name, model, create, type, status, tag);
    }
}
