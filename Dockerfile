# Build: docker build -t checkpoint .
# Run:   docker compose --profile app up   (or give SPRING_DATASOURCE_URL/USERNAME/PASSWORD yourself)
# Without a database URL the server refuses to start, unless told to run its embedded PostgreSQL:
#        docker run -e CHECKPOINT_EMBEDDEDPOSTGRES_ENABLED=true -v checkpoint-data:/application/data checkpoint

FROM eclipse-temurin:25-jdk AS builder
WORKDIR /builder
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests \
 && cp target/checkpoint-*.jar application.jar \
 && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM bellsoft/liberica-openjre-debian:25-cds
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin checkpoint
WORKDIR /application
# what the server writes lives here: the ping spool (data/spool), the admin setup token file
# (data/admin-setup-token) and, when enabled, the embedded PostgreSQL with its password file
# (data/postgres, data/postgres.password): mount a volume on it
RUN mkdir -p /application/data/spool && chown -R checkpoint /application/data && chmod 700 /application/data
VOLUME /application/data
COPY --from=builder /builder/extracted/dependencies/ ./
COPY --from=builder /builder/extracted/spring-boot-loader/ ./
COPY --from=builder /builder/extracted/snapshot-dependencies/ ./
COPY --from=builder /builder/extracted/application/ ./
USER checkpoint
EXPOSE 8080
# measured by bench/ingest.sh (fits a 512 MiB container); override with -e JAVA_TOOL_OPTIONS=...
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:SurvivorRatio=4 -XX:TargetSurvivorRatio=80 -XX:TrimNativeHeapInterval=1000 -Xmx128m" MALLOC_ARENA_MAX=2
# no embedded database by surprise: without SPRING_DATASOURCE_URL the server refuses to start
ENV CHECKPOINT_EMBEDDEDPOSTGRES_ENABLED=false
ENTRYPOINT ["java", "-jar", "application.jar"]
