# syntax=docker/dockerfile:1
# The Cost claims and coordinator contracts service (exchange.claims.v1).
# Build from the repository root (see deploy/README.md):
#   docker build -f deploy/containers/claims.Dockerfile -t exchange/claims:dev .
# Listens on 7103 (h2c: gRPC, Connect over HTTP/2) and 7113 (HTTP/1.1: Connect JSON, health probes).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The build settings and every project the service references (protos, shared libraries).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY protos/ protos/
COPY services/ services/
RUN dotnet publish services/Exchange.Claims/Exchange.Claims.csproj -c Release -o /app -p:UseAppHost=false --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
# A folder the service may write to (SQLite files when no PostgreSQL is configured); the image's
# own files stay read-only to it.
RUN mkdir -p /var/lib/exchange && chown "$APP_UID" /var/lib/exchange
COPY --from=build /app ./
# The service binds its two ports itself (Endpoints:*), on every interface inside the container.
ENV Endpoints__Host=0.0.0.0 \
    Endpoints__RpcPort=7103 \
    Endpoints__HttpPort=7113 \
    Database__DataFolder=/var/lib/exchange
EXPOSE 7103 7113
# The non-root user of the .NET images (uid 1654).
USER $APP_UID
ENTRYPOINT ["dotnet", "Exchange.Claims.dll"]
