using System.Globalization;
using System.Net;

namespace Gateway.Scoring.Decision.Pages;

/// <summary>
/// The challenge page. Its script finds a nonce such that SHA-256(token + nonce) starts with the
/// asked number of zero bits, using WebCrypto in batches (the page stays responsive), then posts
/// token and nonce to the gateway's challenge endpoint. It carries only server-made values (the
/// signed token, the difficulty, the endpoint path, the trace id) and runs under a CSP that allows
/// nothing but its own nonce-tagged script and style.
/// </summary>
internal static class ProofOfWorkPage
{
    /// <param name="cspNonce">Fresh per response; also goes into the Content-Security-Policy header.</param>
    public static string Render(string traceId, string token, int difficultyBits, string endpointPath, string cspNonce)
    {
        var nonce = WebUtility.HtmlEncode(cspNonce);
        var body = $$"""
            <p>Unusual activity was seen from your connection. Your browser is doing a short check before
            the page opens; this takes about a second and needs no action.</p>
            <p id="status" role="status">Checking your browser…</p>
            <noscript><p>This check needs JavaScript. Please enable it and reload the page.</p></noscript>
            <form id="pow" method="post" action="{{WebUtility.HtmlEncode(endpointPath)}}"
             data-bits="{{difficultyBits.ToString(CultureInfo.InvariantCulture)}}">
            <input type="hidden" name="token" value="{{WebUtility.HtmlEncode(token)}}">
            <input type="hidden" name="nonce" value="">
            </form>
            <script nonce="{{nonce}}">{{Script}}</script>
            """;
        return PageLayout.Render("Checking your browser", body, traceId, cspNonce);
    }

    /// <summary>The Content-Security-Policy of this page: nothing but its own script and style,
    /// and a form that may only post to this origin.</summary>
    public static string ContentSecurityPolicy(string cspNonce) =>
        $"default-src 'none'; script-src 'nonce-{cspNonce}'; style-src 'nonce-{cspNonce}'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    // The digest input is the token's ASCII bytes followed by the nonce's decimal digits, written
    // into one reused buffer: digest() copies its input before it returns, per the WebCrypto spec.
    // WebCrypto exists only in secure contexts (HTTPS, localhost); on plain HTTP elsewhere the page
    // falls back to the small SHA-256 below, run in slices with a yield between them.
    private const string Script = """
        (async function () {
          "use strict";
          var form = document.getElementById("pow");
          var status = document.getElementById("status");
          var token = form.elements.token.value;
          var bits = parseInt(form.dataset.bits, 10);
          var full = bits >> 3, rest = bits & 7, mask = (0xff << (8 - rest)) & 0xff;
          function meets(hash) {
            for (var i = 0; i < full; i++) { if (hash[i] !== 0) { return false; } }
            return rest === 0 || (hash[full] & mask) === 0;
          }
          var prefix = token.length, buffer = new Uint8Array(prefix + 16);
          for (var k = 0; k < prefix; k++) { buffer[k] = token.charCodeAt(k); }
          var subtle = window.crypto && crypto.subtle;
          var batch = subtle ? 256 : 2048, nonce = 0, started = Date.now(), pending = new Array(batch);
          for (;;) {
            for (var i = 0; i < batch; i++) {
              var digits = String(nonce + i);
              for (var j = 0; j < digits.length; j++) { buffer[prefix + j] = digits.charCodeAt(j); }
              var input = buffer.subarray(0, prefix + digits.length);
              pending[i] = subtle ? subtle.digest("SHA-256", input) : sha256(input);
            }
            var hashes = subtle ? await Promise.all(pending) : await new Promise(function (done) { setTimeout(done, 0, pending); });
            for (var h = 0; h < batch; h++) {
              if (meets(new Uint8Array(hashes[h]))) {
                form.elements.nonce.value = String(nonce + h);
                status.textContent = "Done, opening the page…";
                form.submit();
                return;
              }
            }
            nonce += batch;
            if (Date.now() - started > 1000) { status.textContent = "Checking your browser… (" + nonce + " tries)"; }
          }

          function sha256(data) {
            var K = sha256.K || (sha256.K = [
              0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
              0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
              0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
              0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
              0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
              0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
              0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
              0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
            var length = data.length, m = new Uint8Array((length + 72) >> 6 << 6), end = m.length, w = new Array(64);
            m.set(data);
            m[length] = 0x80;
            var bitLength = length * 8;
            m[end - 4] = bitLength >>> 24; m[end - 3] = (bitLength >>> 16) & 0xff;
            m[end - 2] = (bitLength >>> 8) & 0xff; m[end - 1] = bitLength & 0xff;
            var s = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
            for (var o = 0; o < end; o += 64) {
              for (var t = 0; t < 16; t++) {
                w[t] = (m[o + 4 * t] << 24) | (m[o + 4 * t + 1] << 16) | (m[o + 4 * t + 2] << 8) | m[o + 4 * t + 3];
              }
              for (t = 16; t < 64; t++) {
                var x = w[t - 15], y = w[t - 2];
                var s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
                var s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
                w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
              }
              var a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], z = s[7];
              for (t = 0; t < 64; t++) {
                var t1 = (z + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))
                  + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
                var t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))
                  + ((a & b) ^ (a & c) ^ (b & c))) | 0;
                z = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
              }
              s[0] = (s[0] + a) | 0; s[1] = (s[1] + b) | 0; s[2] = (s[2] + c) | 0; s[3] = (s[3] + d) | 0;
              s[4] = (s[4] + e) | 0; s[5] = (s[5] + f) | 0; s[6] = (s[6] + g) | 0; s[7] = (s[7] + z) | 0;
            }
            var out = new Uint8Array(32);
            for (var i = 0; i < 8; i++) {
              out[4 * i] = s[i] >>> 24; out[4 * i + 1] = (s[i] >>> 16) & 0xff;
              out[4 * i + 2] = (s[i] >>> 8) & 0xff; out[4 * i + 3] = s[i] & 0xff;
            }
            return out;
          }
        })();
        """;
}
