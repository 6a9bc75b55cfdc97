# EcoPark web host. Build: docker build -t ecopark .
# The same image runs the app (default) and the schema upgrade (`migrate` argument, see docker-compose.yml).

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the files that decide the package graph only, so that the restore layer
# stays cached until a project file or the central package versions change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/EcoPark.Domain/EcoPark.Domain.csproj src/EcoPark.Domain/
COPY src/EcoPark.Application/EcoPark.Application.csproj src/EcoPark.Application/
COPY src/EcoPark.Infrastructure/EcoPark.Infrastructure.csproj src/EcoPark.Infrastructure/
COPY src/EcoPark.Web/EcoPark.Web.csproj src/EcoPark.Web/
RUN dotnet restore src/EcoPark.Web/EcoPark.Web.csproj

COPY src/ src/
RUN dotnet publish src/EcoPark.Web/EcoPark.Web.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# Traditional Chinese glyphs for anything the server renders itself: the PDF park reports embed a TrueType CJK font
# (AR PL UMing; see EcoPark:Reports:CjkFontPath), and without a CJK font every Chinese character is an empty box.
# Browsers use the app's CSS font stack.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-noto-cjk fonts-arphic-uming \
    && rm -rf /var/lib/apt/lists/*

# The application files stay owned by root (read-only for the app); only logs/ is writable.
COPY --from=build /app .
RUN mkdir -p /app/logs && chown "$APP_UID" /app/logs

# The base image's non-root `app` user.
USER $APP_UID

# ASP.NET Core 10 images listen on 8080 by default (ASPNETCORE_HTTP_PORTS=8080).
EXPOSE 8080

# No HEALTHCHECK here: the image has no curl. Probe /health/live and /health/ready from the orchestrator.
ENTRYPOINT ["dotnet", "EcoPark.Web.dll"]
