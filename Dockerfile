# Gateway image: build with the .NET SDK (plus npm, through which the build fetches ONNX Runtime's
# native library, pinned and checksum-verified), run on the slim ASP.NET runtime image.
#   docker build -t protection-gateway .
#   docker run -p 8080:8080 -e Gateway__Upstream=http://app:3000 -e ConnectionStrings__Redis=redis:6379 protection-gateway
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props Gateway.sln ./
COPY build/ build/
COPY src/ src/
RUN dotnet publish src/Gateway/Gateway.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Non-prefixed variables override appsettings.json (ASPNETCORE_URLS would not).
ENV Urls=http://+:8080 \
    DOTNET_gcServer=1
EXPOSE 8080
# Probes for the orchestrator: GET /healthz (alive) and GET /readyz (signals loaded, Redis state).
USER $APP_UID
ENTRYPOINT ["dotnet", "Gateway.dll"]
