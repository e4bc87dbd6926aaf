# Tenken as a container, from the jar `mvn -DskipTests package` builds (target/tenken-0.1.0.jar).
#   mvn -q -DskipTests package && docker build -t tenken .
#   docker run -p 8080:8080 -e TENKEN_ADMIN_PASSWORD=… -e TENKEN_SESSION_SECRET=… \
#     -e DATASOURCES_DEFAULT_URL=jdbc:postgresql://db:5432/tenken -e DATASOURCES_DEFAULT_USERNAME=tenken \
#     -e DATASOURCES_DEFAULT_PASSWORD=… tenken
# Without DATASOURCES_DEFAULT_URL it keeps H2 files in /app/data: mount a volume there.
FROM eclipse-temurin:17-jre
WORKDIR /app
# The folders the service reads at start (it looks for them in its working folder).
COPY rules/ rules/
COPY checklists/ checklists/
COPY seeds/organizations/ seeds/organizations/
COPY target/tenken-0.1.0.jar tenken.jar
# Fonts for the Japanese PDF reports are inside the jar; nothing else is needed at run time.
RUN useradd --system --home /app tenken && mkdir -p /app/data && chown tenken /app/data
USER tenken
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '200' <&3"]
# No class-data-sharing archive: target/tenken.jsa fits only the JVM that wrote it, not the image's
# (the start is then about 3.5 s instead of 2.1 s; see docs/performance.md).
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75", "-jar", "/app/tenken.jar"]
