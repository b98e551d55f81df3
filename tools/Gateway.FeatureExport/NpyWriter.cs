using System.Text;

namespace Gateway.FeatureExport;

/// <summary>
/// Writes NumPy <c>.npy</c> files (format 1.0): magic, version, a little-endian header length,
/// then a Python-dict header padded with spaces to a multiple of 64 bytes, then C-order data.
/// </summary>
internal static class NpyWriter
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <param name="descr">NumPy dtype string, e.g. <c>&lt;f4</c>, <c>|u1</c>, <c>&lt;i8</c>.</param>
    public static void WriteHeader(Stream stream, string descr, params long[] shape)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The .npy files are written as little-endian data.");
        }
        var dimensions = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        var dictionary = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {dimensions}, }}";
        var unpadded = Magic.Length + sizeof(ushort) + dictionary.Length + 1;
        var padding = (64 - (unpadded % 64)) % 64;
        var header = dictionary + new string(' ', padding) + "\n";
        stream.Write(Magic);
        Span<byte> length = [(byte)(header.Length & 0xFF), (byte)(header.Length >> 8)];
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(header));
    }
}
