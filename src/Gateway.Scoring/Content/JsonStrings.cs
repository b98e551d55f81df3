namespace Gateway.Scoring.Content;

/// <summary>
/// Walks the strings of a JSON document without parsing the rest: each string's raw (still escaped)
/// text, whether it is an object key (a <c>:</c> follows), and whether a <c>,</c>, <c>{</c> or
/// <c>[</c> came between it and the previous string. Tolerant by design: a truncated or malformed
/// document (the body is read up to a bound) simply ends its last string early. Linear, no allocation.
/// </summary>
internal ref struct JsonStrings(Span<char> body)
{
    private readonly Span<char> _body = body;
    private int _position;

    public bool MoveNext(out Span<char> escaped, out bool isKey, out bool separatorBefore)
    {
        separatorBefore = false;
        var i = _position;
        while (i < _body.Length && _body[i] != '"')
        {
            separatorBefore |= _body[i] is ',' or '{' or '[';
            i++;
        }
        if (i >= _body.Length)
        {
            _position = i;
            escaped = default;
            isKey = false;
            return false;
        }
        var end = i + 1;
        while (end < _body.Length && _body[end] != '"')
        {
            end += _body[end] == '\\' ? 2 : 1;
        }
        end = Math.Min(end, _body.Length);
        var next = end + 1;
        while (next < _body.Length && _body[next] is ' ' or '\t' or '\r' or '\n')
        {
            next++;
        }
        isKey = next < _body.Length && _body[next] == ':';
        escaped = _body[(i + 1)..end];
        _position = end + 1;
        return true;
    }
}
