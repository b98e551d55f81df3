using System.Buffers;

namespace Gateway.Scoring.Content;

/// <summary>Lowercase markers that <see cref="PayloadMarkers"/> looks for anywhere in a field.</summary>
internal static class PayloadMarkerVocabulary
{
    /// <summary>
    /// Options of everyday tools that run a command or write a file, sent as a whole value where a
    /// file name, a host or a search term belonged (argument injection: <c>--to-command=id</c> to tar,
    /// <c>-oProxyCommand=</c> to ssh, <c>--output=/var/www/shell.php</c> to curl).
    /// </summary>
    public static readonly SearchValues<string> CommandOptions = SearchValues.Create(
        [
            "--to-command", "--use-compress-program", "--checkpoint-action", "--rsh-command", "--rsh=", "--output=",
            "--output ", "--exec", "--post-file", "--upload-file", "--config=", "--eval", "--run-command",
            "--import-module", "--server-args", "--chroot", "--preserve-env", "-oproxycommand", "-o proxycommand",
            "-o /", "-output=/", "--template=/", "--compress-program", "--upload-pack", "--receive-pack",
            "--dump-header",
        ],
        StringComparison.Ordinal);

    /// <summary>
    /// Type tags of serializers that instantiate what the document names (YAML language tags, jsonpickle,
    /// node-serialize, pickle opcodes) and the gadget classes deserialization exploits chain through.
    /// A class name alone is rare in a form field; these are the ones public exploit chains reuse.
    /// </summary>
    public static readonly SearchValues<string> SerializationMarkers = SearchValues.Create(
        [
            "!!python/", "!python/", "!!ruby/", "!ruby/", "!!java", "!!com.", "!!org.", "!!net.", "!!sun.",
            "tag:yaml.org,2002:python", "py/object", "py/reduce", "py/function", "__reduce__", "_$$nd_func$$_",
            "cposix\nsystem", "cos\nsystem", "c__builtin__", "cbuiltins",
            "com.sun.rowset", "jdbcrowsetimpl", "templatesimpl", "org.apache.commons.collections", "invokertransformer",
            "chainedtransformer", "org.springframework.beans.factory", "org.springframework.context.support",
            "com.mchange.v2.c3p0", "ch.qos.logback.core", "org.apache.xbean", "javax.script.scriptenginemanager",
            "javax.management.", "java.lang.runtime", "java.lang.processbuilder", "java.net.urlclassloader",
            "com.zaxxer.hikari", "org.apache.tomcat.dbcp", "bcel$$",
            "system.windows.data.objectdataprovider", "objectdataprovider", "system.diagnostics.process",
            "system.management.automation", "windowsidentity", "system.configuration.install",
            "textformattingrunproperties", "system.data.dataset", "typeconfusedelegate",
            "jdk.nashorn.internal", "com.sun.xml.internal", "com.sun.org.apache.xalan", "org.codehaus.groovy.runtime",
            "java.beans.eventhandler", "javax.naming.initialcontext", "sun.rmi.", "org.apache.commons.beanutils",
            "com.sun.jndi.", "java.lang.reflect.", "org.mozilla.javascript", "system.runtime.serialization",
            "system.web.ui.objectstateformatter", "system.web.ui.losformatter",
        ],
        StringComparison.Ordinal);
}
