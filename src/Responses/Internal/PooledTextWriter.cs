using System.Buffers;
using System.Globalization;
using System.Text;

namespace Herald.Responses.Internal;

/// <summary>
/// A <see cref="TextWriter"/> into a growing buffer rented from <see cref="ArrayPool{T}"/>: a rendered page is held
/// once, so its length is known before the first byte is sent, and its memory goes back to the pool afterwards.
/// </summary>
/// <remarks><see cref="StringWriter"/> would allocate a fresh <see cref="StringBuilder"/> and its chunks per render.</remarks>
internal sealed class PooledTextWriter : TextWriter
{
    private char[] _buffer;
    private int _length;

    public PooledTextWriter(int initialCapacity = 4096)
        : base(CultureInfo.InvariantCulture)
    {
        _buffer = ArrayPool<char>.Shared.Rent(initialCapacity);
    }

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Gets what has been written so far; valid until the writer is disposed.</summary>
    public ReadOnlyMemory<char> Written => _buffer.AsMemory(0, _length);

    public override void Write(char value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_buffer.Length - _length < buffer.Length)
        {
            Grow(buffer.Length);
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override string ToString() => new(_buffer, 0, _length);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private void Grow(int needed)
    {
        var next = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(next);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = next;
    }
}
