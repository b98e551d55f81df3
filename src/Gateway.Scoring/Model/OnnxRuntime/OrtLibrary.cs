using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Scoring.Model.OnnxRuntime;

/// <summary>
/// One loaded ONNX Runtime library with its API table, its process-wide environment, the CPU
/// memory description used for caller-owned tensors and the default allocator (for the strings
/// ORT hands back). Loaded once per path and kept for the life of the process: ONNX Runtime
/// cannot be unloaded safely, and its environment is a process-wide singleton anyway.
/// </summary>
internal sealed unsafe partial class OrtLibrary
{
    /// <summary>File name the build copies next to the assemblies (see build/OnnxRuntime.targets).</summary>
    public const string DefaultFileName = "libonnxruntime.so.1";

    private static readonly Lock s_lock = new();
    private static readonly Dictionary<string, OrtLibrary> s_loaded = new(StringComparer.Ordinal);

    // ORT's log callback is process-wide and has no managed context; the latest loader's logger wins.
    private static ILogger s_ortLogger = NullLogger.Instance;

    private OrtLibrary(string path, string version, OrtApi api, nint env, nint cpuMemoryInfo, nint defaultAllocator)
    {
        Path = path;
        Version = version;
        Api = api;
        Env = env;
        CpuMemoryInfo = cpuMemoryInfo;
        DefaultAllocator = defaultAllocator;
    }

    public string Path { get; }

    /// <summary>ONNX Runtime's own version string, e.g. <c>1.30.0</c>.</summary>
    public string Version { get; }

    public OrtApi Api { get; }

    /// <summary>Process lifetime: never released (sessions may outlive any one scorer).</summary>
    public nint Env { get; }

    /// <summary>CPU arena / default memory: how ORT is told a caller-owned buffer lives on the CPU.</summary>
    public nint CpuMemoryInfo { get; }

    /// <summary>Owned by ONNX Runtime; frees the strings it returns (names, metadata values).</summary>
    public nint DefaultAllocator { get; }

    /// <summary>The configured path, or <see cref="DefaultFileName"/> next to the application's assemblies.</summary>
    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, DefaultFileName);

    /// <summary>
    /// Loads the library at <paramref name="path"/> (once per process) or returns the one already
    /// loaded from there. Throws with a message naming the file when it is missing, is not a
    /// loadable library, lacks <c>OrtGetApiBase</c> or does not serve the API version needed.
    /// </summary>
    public static OrtLibrary Load(string path, ILogger logger)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        lock (s_lock)
        {
            s_ortLogger = logger;
            if (!s_loaded.TryGetValue(fullPath, out var library))
            {
                library = Open(fullPath);
                s_loaded.Add(fullPath, library);
                Log.Loaded(logger, library.Version, fullPath);
            }
            return library;
        }
    }

    private static OrtLibrary Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"ONNX Runtime library not found. The build copies {DefaultFileName} next to the assemblies on linux-x64 " +
                "(build/fetch-onnxruntime.sh); elsewhere set Protection:Model:NativeLibraryPath.", path);
        }
        var handle = NativeLibrary.Load(path);
        if (!NativeLibrary.TryGetExport(handle, "OrtGetApiBase", out var getApiBaseExport))
        {
            throw new InvalidOperationException($"{path} is not ONNX Runtime: it has no OrtGetApiBase export.");
        }
        var apiBase = ((delegate* unmanaged[Cdecl]<OrtApiBase*>)getApiBaseExport)();
        var version = Marshal.PtrToStringUTF8((nint)apiBase->GetVersionString()) ?? "unknown";
        var api = new OrtApi(apiBase->GetApi(OrtApiIndex.RequiredApiVersion));
        if (api.IsNull)
        {
            throw new InvalidOperationException(
                $"ONNX Runtime {version} at {path} does not serve C API version {OrtApiIndex.RequiredApiVersion}.");
        }
        ProbeTableLayout(api, version, path);

        nint env;
        fixed (byte* logId = "gateway"u8)
        {
            api.ThrowIfFailed(
                api.CreateEnvWithCustomLogger(&ForwardOrtLog, 0, OrtLoggingLevel.Warning, logId, &env), "CreateEnvWithCustomLogger");
        }
        nint memoryInfo;
        api.ThrowIfFailed(api.CreateCpuMemoryInfo(OrtAllocatorType.Arena, OrtMemType.Default, &memoryInfo), "CreateCpuMemoryInfo");
        nint allocator;
        api.ThrowIfFailed(api.GetAllocatorWithDefaultOptions(&allocator), "GetAllocatorWithDefaultOptions");
        return new OrtLibrary(path, version, api, env, memoryInfo, allocator);
    }

    /// <summary>
    /// A status made and read back through four table entries (0, 1, 2, 93): if the table is not
    /// laid out as <see cref="OrtApiIndex"/> says, this fails here with a message instead of
    /// crashing later in a session call.
    /// </summary>
    private static void ProbeTableLayout(OrtApi api, string version, string path)
    {
        nint status;
        fixed (byte* text = "layout probe\0"u8)
        {
            status = api.CreateStatus(OrtErrorCode.InvalidArgument, text);
        }
        var code = api.GetErrorCode(status);
        var message = api.TakeErrorMessage(status);
        if (code != OrtErrorCode.InvalidArgument || message != "layout probe")
        {
            throw new InvalidOperationException(
                $"ONNX Runtime {version} at {path} answered the API-table probe with ({code}, '{message}'); its OrtApi layout is not the one this binding was written for.");
        }
    }

    /// <summary>Zero-terminated UTF-8 for ORT's <c>const char*</c> parameters (load time only).</summary>
    public static byte[] Utf8Z(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ForwardOrtLog(nint param, int severity, byte* category, byte* logId, byte* codeLocation, byte* message)
    {
        // An exception must never unwind into native code; a lost log line is the lesser harm.
        try
        {
            var level = severity switch
            {
                (int)OrtLoggingLevel.Verbose => LogLevel.Trace,
                (int)OrtLoggingLevel.Info => LogLevel.Debug,
                (int)OrtLoggingLevel.Warning => LogLevel.Warning,
                (int)OrtLoggingLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            var logger = s_ortLogger;
            if (logger.IsEnabled(level))
            {
                Log.OrtMessage(logger, level, Marshal.PtrToStringUTF8((nint)message) ?? string.Empty);
            }
        }
        catch
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Loaded ONNX Runtime {Version} from {Path}")]
        public static partial void Loaded(ILogger logger, string version, string path);

        [LoggerMessage(EventId = 2, Message = "ONNX Runtime: {OrtMessage}")]
        public static partial void OrtMessage(ILogger logger, LogLevel level, string ortMessage);
    }
}
