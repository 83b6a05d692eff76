# syntax=docker/dockerfile:1
# The Projects service (exchange.projects.v1.Projects): the tie-up registry.
# Build from the repository root (see deploy/README.md):
#   docker build -f deploy/containers/projects.Dockerfile -t exchange/projects:dev .
# Listens on 7101 (h2c: gRPC, Connect over HTTP/2) and 7111 (HTTP/1.1: Connect JSON, health probes).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The build settings and every project the service references (protos, shared libraries).
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY protos/ protos/
COPY services/ services/
RUN dotnet publish services/Exchange.Projects/Exchange.Projects.csproj -c Release -o /app -p:UseAppHost=false --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
# A folder the service may write to (SQLite files when no PostgreSQL is configured); the image's
# own files stay read-only to it.
RUN mkdir -p /var/lib/exchange && chown "$APP_UID" /var/lib/exchange
COPY --from=build /app ./
# The service binds its two ports itself (Endpoints:*), on every interface inside the container.
ENV Endpoints__Host=0.0.0.0 \
    Endpoints__RpcPort=7101 \
    Endpoints__HttpPort=7111 \
    Database__DataFolder=/var/lib/exchange
EXPOSE 7101 7111
# The non-root user of the .NET images (uid 1654).
USER $APP_UID
ENTRYPOINT ["dotnet", "Exchange.Projects.dll"]
