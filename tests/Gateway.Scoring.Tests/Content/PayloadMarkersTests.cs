using Gateway.Scoring.Content;

namespace Gateway.Scoring.Tests.Content;

/// <summary>The markers see decoded, lowercased field text; these cases are written that way.</summary>
public sealed class PayloadMarkersTests
{
    public static TheoryData<string, int> Detected() => new()
    {
        { "*)(uid=*))(|(uid=*", HandcraftedFeature.LdapFilter },
        { "admin)(&)", HandcraftedFeature.LdapFilter },
        { "*)(|(objectclass=*)", HandcraftedFeature.LdapFilter },
        { "x)(cn>=a", HandcraftedFeature.LdapFilter },
        { "admin*)\0", HandcraftedFeature.LdapFilter },
        { "(|(mail=*)(cn=*))", HandcraftedFeature.LdapFilter },
        { "__proto__[isadmin]", HandcraftedFeature.PrototypeKey },
        { "constructor[prototype][polluted]", HandcraftedFeature.PrototypeKey },
        { "a.constructor.prototype.x", HandcraftedFeature.PrototypeKey },
        { "ro0abxnyabfqyxzhlnv0awwuagfzaes", HandcraftedFeature.SerializedObject },
        { "aced00057372", HandcraftedFeature.SerializedObject },
        { "aaeaaad/////aqaaaaaaaaamagaaaa", HandcraftedFeature.SerializedObject },
        { "o:8:\"stdclass\":1:{s:1:\"a\";s:2:\"id\";}", HandcraftedFeature.SerializedObject },
        { "a:2:{i:0;s:3:\"foo\";}", HandcraftedFeature.SerializedObject },
        { "!!python/object/apply:os.system [\"id\"]", HandcraftedFeature.SerializedObject },
        { "--- !ruby/object:gem::installer", HandcraftedFeature.SerializedObject },
        { "com.sun.rowset.jdbcrowsetimpl", HandcraftedFeature.SerializedObject },
        { "system.windows.data.objectdataprovider, presentationframework", HandcraftedFeature.SerializedObject },
        { "_$$nd_func$$_function(){require('child_process')}", HandcraftedFeature.SerializedObject },
        { "<jdk.nashorn.internal.objects.nativestring>", HandcraftedFeature.SerializedObject },
        { "com.sun.xml.internal.bind.v2.runtime.unmarshaller.base64data", HandcraftedFeature.SerializedObject },
    };

    [Theory]
    [MemberData(nameof(Detected))]
    public void Scan_PayloadStructure_IsFlagged(string text, int feature)
    {
        Assert.True(Scan(text)[feature] > 0, $"{HandcraftedFeature.Names[feature]} not flagged in: {text}");
    }

    public static TheoryData<string> ConfusingUrls() =>
    [
        "//evil.example/login", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "///evil.example",
        "https:/\\evil.example", "https:evil.example", "http:\\\\evil.example", "https://accounts.example.com@evil.example/",
        "https://evil.example\\@accounts.example.com", "  //evil.example", "//\r\nevil.example", "/\n/evil.example",
        "\u3031evil.example", "https://evil.example#accounts.example.com", "https://evil.example?shop.example.net",
        "http://evil.example#.example.com",
    ];

    [Theory]
    [MemberData(nameof(ConfusingUrls))]
    public void ScanValue_ConfusingRedirectTarget_IsFlagged(string value)
    {
        var counts = new int[HandcraftedFeature.Count];
        PayloadMarkers.ScanValue(value, counts);
        Assert.Equal(1, counts[HandcraftedFeature.UrlConfusion]);
    }

    public static TheoryData<string> CommandOptions() =>
    [
        "--to-command=id", "--use-compress-program=id", "--checkpoint-action=exec=sh x.sh", "--rsh=sh -c 'id>&2'",
        "-o /var/www/html/x.php http://198.51.100.7/s.txt", "--output=/var/www/html/shell.php", "-oproxycommand=id",
        "--upload-pack=touch /tmp/pwned", "x -exec sh -c id {} ;",
    ];

    [Theory]
    [MemberData(nameof(CommandOptions))]
    public void ScanValue_CommandLineOption_IsAShellChain(string value)
    {
        var counts = new int[HandcraftedFeature.Count];
        PayloadMarkers.ScanValue(value, counts);
        Assert.Equal(1, counts[HandcraftedFeature.ShellChain]);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("--")]
    [InlineData("- milk\n- eggs")]
    [InlineData("--- yaml front matter")]
    [InlineData("see --output in the manual")]
    [InlineData("-o-")]
    public void ScanValue_DashedValuesThatAreNotOptions_AreNotAShellChain(string value)
    {
        var counts = new int[HandcraftedFeature.Count];
        PayloadMarkers.ScanValue(value, counts);
        Assert.Equal(0, counts[HandcraftedFeature.ShellChain]);
    }

    /// <summary>Ordinary values that share a character or a word with those structures.</summary>
    public static TheoryData<string> Ordinary() =>
    [
        "(555) 123-4567", "see (page 3) (figure 2)", "f(x) = (x+1)(x-1)", "a*(b+c)", "(a|b)", "uid=42",
        "the constructor of the class", "prototype review", "o:k", "a:1", "c:\\users\\me", "cat:2:toys",
        "robot", "ro0", "rosa", "acedemy", "https://www.example.com/account?next=/orders", "/account/settings",
        "https://shop.example.net/products/123?ref=mail", "mailto:support@example.com", "http://example.com/?email=a@b.example",
        "/", "//", "@type", "{\"@type\":\"product\"}", "java.util.list", "python is fun", "ruby on rails",
        "c:/program files/app", "¯\\_(ツ)_/¯", ":-)", "x^2 + 3x - 4 = 0",
        "https://example.com/#section", "https://example.com#top", "https://example.com?ref=mail.example.com",
        "https://cdn.example.com/app.js?v1.2.3", "ーー", "\u30b3\u30fc\u30d2\u30fc /\u30b3\u30fc\u30d2\u30fc", "find -exec", "-exec {}",
    ];

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Scan_OrdinaryValues_AreNotFlagged(string value)
    {
        var counts = Scan(value);
        PayloadMarkers.ScanValue(value, counts);
        foreach (var feature in new[]
                 {
                     HandcraftedFeature.LdapFilter, HandcraftedFeature.PrototypeKey,
                     HandcraftedFeature.SerializedObject, HandcraftedFeature.UrlConfusion,
                 })
        {
            Assert.True(counts[feature] == 0, $"{HandcraftedFeature.Names[feature]} flagged in: {value}");
        }
    }

    [Theory]
    [InlineData("(((((((((((((((((((((((((((((((((((((((")]
    [InlineData(")))))))))))))))))))))))))))))))))))))))(")]
    [InlineData("constructorconstructorconstructorconstructor")]
    [InlineData("https:")]
    [InlineData("o:1")]
    [InlineData("a:12345678901234567890")]
    public void Scan_HostileText_DoesNotThrow(string text)
    {
        var counts = Scan(text);
        PayloadMarkers.ScanValue(text, counts);
        Assert.All(counts, c => Assert.InRange(c, 0, 1));
    }

    private static int[] Scan(string text)
    {
        var counts = new int[HandcraftedFeature.Count];
        PayloadMarkers.Scan(text, counts);
        return counts;
    }
}
