using System.Buffers;

namespace Gateway.Scoring.Content;

/// <summary>Lowercase markers that <see cref="PayloadMarkers"/> looks for anywhere in a field.</summary>
internal static class PayloadMarkerVocabulary
{
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
        ],
        StringComparison.Ordinal);
}
