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
    private const string Script = """
        (async function () {
          "use strict";
          var form = document.getElementById("pow");
          var status = document.getElementById("status");
          var token = form.elements.token.value;
          var bits = parseInt(form.dataset.bits, 10);
          if (!(window.crypto && crypto.subtle)) {
            status.textContent = "This check needs a secure connection (HTTPS) and a current browser.";
            return;
          }
          var full = bits >> 3, rest = bits & 7, mask = (0xff << (8 - rest)) & 0xff;
          function meets(hash) {
            for (var i = 0; i < full; i++) { if (hash[i] !== 0) { return false; } }
            return rest === 0 || (hash[full] & mask) === 0;
          }
          var prefix = token.length, buffer = new Uint8Array(prefix + 16);
          for (var k = 0; k < prefix; k++) { buffer[k] = token.charCodeAt(k); }
          var batch = 256, nonce = 0, started = Date.now(), pending = new Array(batch);
          for (;;) {
            for (var i = 0; i < batch; i++) {
              var digits = String(nonce + i);
              for (var j = 0; j < digits.length; j++) { buffer[prefix + j] = digits.charCodeAt(j); }
              pending[i] = crypto.subtle.digest("SHA-256", buffer.subarray(0, prefix + digits.length));
            }
            var hashes = await Promise.all(pending);
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
        })();
        """;
}
