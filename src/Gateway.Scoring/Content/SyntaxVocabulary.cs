using System.Buffers;
using System.Collections.Frozen;

namespace Gateway.Scoring.Content;

/// <summary>
/// Words and markers that <see cref="SyntaxScanner"/> looks for in context (a word after a quote,
/// before a parenthesis, after a line break). Built once; looked up by span without allocating.
/// </summary>
/// <remarks>
/// A word alone says little: "select", "or", "cat" and "type" are ordinary English. What injections
/// need is the word in a grammatical position (<c>' or</c>, <c>sleep(</c>, <c>; cat</c>), which
/// ordinary text almost never has.
/// </remarks>
internal static class SyntaxVocabulary
{
    /// <summary>Words that join a condition to an injected one (<c>' OR 1=1</c>).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SqlLogic = Lookup(
        "or", "and", "xor", "union", "having", "order", "group", "like", "rlike", "regexp", "not", "procedure", "into",
        "limit", "where", "div", "mod", "is");

    /// <summary>SQL functions attackers call for delays, string building and error-based extraction.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SqlFunctions = Lookup(
        "sleep", "benchmark", "pg_sleep", "char", "chr", "nchar", "concat", "concat_ws", "group_concat", "substring",
        "substr", "mid", "ascii", "ord", "hex", "unhex", "load_file", "extractvalue", "updatexml", "version", "database",
        "user", "current_user", "system_user", "session_user", "schema", "cast", "convert", "exec", "execute",
        "xp_cmdshell", "if", "ifnull", "isnull", "coalesce", "randomblob", "receive_message", "make_set", "elt",
        "name_const", "json_keys", "sys_eval", "count", "length", "rand", "floor", "exists", "analyse", "dbms_pipe",
        "utl_inaddr", "get_host_address", "waitfor", "iif", "instr", "lower", "upper", "sqlite_version");

    /// <summary>Statements that start a second, stacked query after <c>;</c>.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SqlStatements = Lookup(
        "select", "insert", "update", "delete", "drop", "exec", "execute", "declare", "create", "alter", "truncate",
        "shutdown", "waitfor", "grant", "revoke", "set", "union", "call", "load", "replace", "merge", "rename", "use");

    /// <summary>Tags whose only use in a parameter is running script or loading something.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ScriptTags = Lookup(
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base", "meta", "link",
        "style", "isindex", "marquee", "keygen", "animate", "set", "xss", "template", "portal", "layer", "ilayer",
        "bgsound", "xml", "import", "handler");

    /// <summary>
    /// Script sinks and server-side code-execution functions called directly (<c>alert(1)</c>,
    /// <c>alert`1`</c>, <c>system('id')</c>, <c>getRuntime().exec(</c>).
    /// </summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CodeCalls = Lookup(
        "alert", "prompt", "confirm", "eval", "settimeout", "setinterval", "fetch", "atob", "fromcharcode", "import",
        "execscript", "msgbox", "write", "writeln", "open", "print", "function", "constructor", "globalthis", "while",
        "system", "exec", "passthru", "shell_exec", "popen", "proc_open", "pcntl_exec", "assert", "require",
        "getruntime", "forname", "execsync", "spawnsync", "execfile", "phpinfo", "base64_decode", "create_function",
        "call_user_func", "unserialize", "file_get_contents", "readfile", "getattr", "__import__");

    /// <summary>Commands an injected shell line starts with that are not also ordinary words.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShellCommands = Lookup(
        "ls", "whoami", "uname", "wget", "curl", "nc", "ncat", "netcat", "bash", "zsh", "ksh", "rm", "chmod", "chown",
        "python", "python2", "python3", "perl", "php", "ruby", "powershell", "pwsh", "cmd", "nslookup", "ifconfig",
        "ipconfig", "tftp", "telnet", "busybox", "printenv", "systeminfo", "tasklist", "certutil", "wmic", "mkfifo",
        "socat", "hostname", "pwd", "ps", "netstat", "sudo", "mkdir", "cp", "mv", "awk", "sed", "grep",
        "xterm", "lwp", "uptime", "crontab", "bitsadmin", "mshta", "rundll32", "regsvr32", "cscript", "wscript",
        "lsof", "nmap", "sh", "usr", "id");

    /// <summary>
    /// Commands that are also English words or labels (<c>cat</c>, <c>type</c>, <c>more</c>, <c>id</c>,
    /// <c>dev</c>): after a separator they count only when what follows reads as a command line, so
    /// "Coffee | dev @ Acme" and "Home | More" are prose while "; cat /etc/passwd" and "|id;" are not.
    /// </summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousShellCommands = Lookup(
        "cat", "ping", "sleep", "echo", "dash", "node", "type", "dir", "net", "dig", "ftp", "env", "head", "tail",
        "more", "less", "find", "ver", "su", "kill", "touch", "timeout", "expr", "exec", "eval", "bin", "tmp", "dev",
        "proc", "etc", "var", "fetch", "who", "start", "ip", "arp", "base64");

    /// <summary>Subcommands that make <c>net</c> the Windows command (<c>| net user</c>) rather than a word.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NetSubcommands = Lookup(
        "user", "users", "view", "localgroup", "group", "share", "use", "accounts", "session", "config", "start", "stop");

    /// <summary>MongoDB-style query operators (<c>$ne</c>, <c>[$gt]</c>).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> QueryOperators = Lookup(
        "ne", "eq", "gt", "gte", "lt", "lte", "in", "nin", "regex", "where", "exists", "or", "and", "nor", "not",
        "expr", "elemmatch", "size", "type", "mod", "all", "text", "function", "accumulator", "jsonschema", "options",
        "lookup", "group", "match", "project");

    /// <summary>Response headers worth forging after an injected line break.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ResponseHeaders = Lookup(
        "set-cookie", "location", "content-length", "content-type", "refresh", "x-xss-protection",
        "access-control-allow-origin", "access-control-allow-credentials", "x-forwarded-for", "x-forwarded-host",
        "cache-control", "link", "content-disposition", "transfer-encoding", "host", "cookie", "content-security-policy",
        "x-frame-options", "strict-transport-security", "connection", "pragma", "expires", "vary", "server", "upgrade");

    /// <summary>Words that may follow a column number in <c>order by 3 desc</c>; any other word makes it prose.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrderByFollowers = Lookup(
        "asc", "desc", "limit", "union", "procedure", "into", "collate", "nulls", "offset", "fetch");

    /// <summary>Mail headers an injected line break adds to a message a form sends (<c>bcc:</c>).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MailHeaders = Lookup(
        "bcc", "cc", "to", "from", "subject", "reply-to", "sender", "return-path", "mime-version");

    /// <summary>Levels a forged log record starts with (<c>[info]</c>, <c>error:</c>).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LogLevels = Lookup(
        "info", "warn", "warning", "error", "debug", "notice", "critical", "crit", "fatal", "trace", "alert", "severe",
        "emerg", "audit");

    /// <summary>Velocity directives that take arguments (<c>#set($x = ...)</c>).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VelocityDirectives = Lookup(
        "set", "foreach", "if", "elseif", "evaluate", "include", "parse", "macro", "define");

    /// <summary>
    /// Hosts of out-of-band interaction services (a request there proves a blind injection ran) and of
    /// wildcard DNS that resolves a chosen address (<c>127.0.0.1.nip.io</c>): no application's own users
    /// send them. Matched with the leading dot, as they are always used with a label in front.
    /// </summary>
    public static readonly SearchValues<string> ProbeHosts = SearchValues.Create(
        [
            ".oastify.com", ".burpcollaborator.net", ".interact.sh", ".oast.pro", ".oast.live", ".oast.site",
            ".oast.online", ".oast.fun", ".oast.me", ".requestbin.net", ".canarytokens.com", ".dnslog.cn", ".ceye.io",
            ".nip.io", ".sslip.io", ".xip.io", ".rbndr.us", ".1u.ms", ".lvh.me", ".vcap.me", ".localtest.me",
        ],
        StringComparison.Ordinal);

    /// <summary>Files and directories that only a disclosure attempt names.</summary>
    public static readonly SearchValues<string> SensitivePaths = SearchValues.Create(
        [
            "etc/passwd", "etc/shadow", "etc/hosts", "etc/group", "etc/issue", "etc/crontab", "etc/sudoers",
            "proc/self", "proc/version", "proc/cpuinfo", "win.ini", "boot.ini", "system32", "system.ini", "web-inf",
            ".htaccess", ".htpasswd", "id_rsa", "id_dsa", ".ssh/", ".bash_history", ".aws/", "/.git/", ".git/config",
            "wp-config", "/var/log/", "var/run/secrets", "c:\\windows", "c:/windows", "windows\\", "my.cnf", "php.ini",
            "web.config", "/bin/sh", "/bin/bash", "/dev/tcp", "/dev/udp", "/.env", "serviceaccount/token",
            "repair\\sam", "ntuser.dat", ".docker/config", "/root/", "sshd_config", "unattend.xml", "/.svn", "/.hg/",
            "/.bzr", "/.ds_store", "/.idea/", "/.vscode/", "/.npmrc", "/.pgpass", "/.netrc", "/.bashrc", "/.profile",
            "/.gitconfig", "/.git-credentials", "/.dockerenv", "/.kube/",
            "/dev/fd/", "etc/hostname", "meta-inf/", "\\etc\\", "\\proc\\", "/var/lib/php/sessions", "etc/nginx/",
            "etc/apache2/", "etc/httpd/", "nginx.conf", "httpd.conf",
        ],
        StringComparison.Ordinal);

    /// <summary>URL schemes a web request has no business passing on: local files, PHP streams, raw sockets.</summary>
    public static readonly SearchValues<string> DangerousSchemes = SearchValues.Create(
        [
            "file:/", "php://", "gopher://", "dict://", "expect://", "phar://", "zip://", "jar:file", "jar:http",
            "data://", "ldap://", "ldaps://", "rmi://", "tftp://", "netdoc:", "glob://", "ssh2.", "iiop://", "corba:",
            "jndi:", "sftp://", "smb://", "compress.zlib://",
        ],
        StringComparison.Ordinal);

    /// <summary>XML constructs that declare entities or pull in other documents.</summary>
    public static readonly SearchValues<string> XmlEntityMarkers = SearchValues.Create(
        ["<!entity", "<!doctype", "<!element", "<!attlist", "xi:include", "xmlns:xi", "system \"", "system '"],
        StringComparison.Ordinal);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        FrozenSet.Create(StringComparer.Ordinal, words).GetAlternateLookup<ReadOnlySpan<char>>();
}
