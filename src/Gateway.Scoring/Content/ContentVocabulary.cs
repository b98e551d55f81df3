using System.Collections.Frozen;

namespace Gateway.Scoring.Content;

/// <summary>
/// Words and file extensions typical of injection, XSS, command execution and file disclosure,
/// looked up by span so that tokenising a request allocates nothing. Built once.
/// </summary>
/// <remarks>
/// Words common as parameter names in ordinary forms (<c>id</c>, <c>name</c>, <c>user</c>) are left
/// out on purpose: they would fire on every benign form and drown the signal.
/// </remarks>
internal static class ContentVocabulary
{
    private static readonly FrozenDictionary<string, KeywordClass> Keywords = BuildKeywords();

    // Archives (zip, tar.gz, 7z) are left out since content-v3: downloads of them are ordinary, and the
    // backup copies scanners probe for are caught by the other extensions and by '~'.
    private static readonly FrozenSet<string> SuspiciousExtensionSet = FrozenSet.Create(
        StringComparer.Ordinal,
        "bak", "old", "orig", "save", "sav", "swp", "tmp", "temp", "copy", "inc", "cfg", "conf",
        "config", "ini", "log", "sql", "db", "mdb", "sqlite",
        "git", "svn", "env", "htaccess", "htpasswd", "passwd", "backup", "bk", "dist", "pem", "key");

    private static readonly FrozenDictionary<string, KeywordClass>.AlternateLookup<ReadOnlySpan<char>> KeywordLookup =
        Keywords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExtensionLookup =
        SuspiciousExtensionSet.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest word looked up; longer tokens cannot match and are skipped without hashing.</summary>
    public const int MaxWordLength = 32;

    /// <param name="word">A lowercase ASCII token.</param>
    public static KeywordClass Classify(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= MaxWordLength && KeywordLookup.TryGetValue(word, out var found)
            ? found
            : KeywordClass.None;

    /// <param name="extension">Lowercase extension without the dot.</param>
    public static bool IsSuspiciousExtension(ReadOnlySpan<char> extension) =>
        extension.Length is >= 1 and <= MaxWordLength && ExtensionLookup.Contains(extension);

    private static FrozenDictionary<string, KeywordClass> BuildKeywords()
    {
        var words = new Dictionary<string, KeywordClass>(StringComparer.Ordinal);
        Add(words, KeywordClass.Sql,
            "select", "union", "insert", "update", "delete", "drop", "from", "where", "and", "or",
            "not", "null", "like", "having", "order", "group", "by", "exec", "execute", "sleep",
            "benchmark", "waitfor", "delay", "cast", "convert", "char", "nchar", "varchar", "concat",
            "substring", "substr", "information_schema", "table", "tables", "database", "xp_cmdshell",
            "declare", "truncate", "alter", "create", "into", "values", "limit", "offset", "version",
            "count", "ascii", "hex", "unhex", "load_file", "outfile", "dumpfile", "pg_sleep", "sysobjects",
            "syscolumns", "all", "distinct", "case", "when", "then", "else", "end", "if", "ifnull",
            "isnull", "coalesce", "mid", "md5", "sha1", "extractvalue", "updatexml", "rlike", "regexp");
        Add(words, KeywordClass.Xss,
            "script", "alert", "onerror", "onload", "onmouseover", "onclick", "onfocus", "onblur",
            "onmouseout", "onchange", "onsubmit", "javascript", "vbscript", "iframe", "frame", "img",
            "src", "svg", "body", "eval", "document", "cookie", "window", "location", "prompt",
            "confirm", "expression", "fromcharcode", "innerhtml", "href", "style", "object", "embed",
            "applet", "meta", "xss", "settimeout", "setinterval", "atob", "base64");
        Add(words, KeywordClass.Shell,
            "bin", "bash", "sh", "cmd", "exe", "wget", "curl", "nc", "netcat", "cat", "ls", "rm", "echo",
            "whoami", "uname", "ping", "chmod", "chown", "powershell", "perl", "python", "system",
            "exec", "passthru", "shell_exec", "popen", "proc_open", "include", "virtual", "fsize",
            "flastmod", "printenv", "ifconfig", "ipconfig", "netstat", "telnet", "nslookup", "dir",
            "tftp", "ftp", "sudo", "kill", "env", "set", "cookie");
        Add(words, KeywordClass.File,
            "etc", "passwd", "shadow", "hosts", "boot", "ini", "win", "windows", "system32", "winnt",
            "htaccess", "htpasswd", "proc", "self", "environ", "var", "log", "logs", "tmp", "dev",
            "conf", "cfg", "bak", "old", "inc", "orig", "swp", "backup", "config", "inf",
            "file", "php", "asp", "aspx", "cgi", "pl", "git", "svn", "ds_store", "root", "admin");
        Add(words, KeywordClass.Code,
            "__class__", "__mro__", "__subclasses__", "__globals__", "__builtins__", "__import__", "__init__",
            "__base__", "__bases__", "__dict__", "getruntime", "getclass", "forname", "classloader", "getclassloader",
            "popen", "processbuilder", "child_process", "execsync", "spawnsync", "mainmodule", "subprocess",
            "passthru", "shell_exec", "proc_open", "base64_decode", "getenv", "environ", "getmethod", "jndi", "ldap",
            "ldaps", "rmi", "iiop", "freemarker", "ognl", "memberaccess", "phpinfo", "registerundefinedfiltercallback",
            "getfilter", "lipsum", "cycler", "joiner", "getprotectiondomain", "getcodesource", "newinstance");
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, KeywordClass> words, KeywordClass family, params string[] list)
    {
        foreach (var word in list)
        {
            words[word] = words.GetValueOrDefault(word) | family;
        }
    }
}
