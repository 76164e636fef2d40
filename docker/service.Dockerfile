# The runtime image of every portal service (gateway and the six *-service modules; Keycloak has its own,
# keycloak/Dockerfile), for the jar Maven builds (`./mvnw -pl <service> -am package` → <service>/target/<service>.jar).
# The build context is the service's module folder; SERVICE names it and PORT is its application port:
#
#   docker build -f docker/service.Dockerfile --build-arg SERVICE=gateway --build-arg PORT=8080 -t notary-portal/gateway:local gateway
#
# Ports: gateway 8080, identity-service 8081, dossier-service 8082, messaging-service 8083, document-service 8084,
# questionnaire-service 8085, notification-service 8086 (README, "Ports"; docker-compose.yml and k8s/release-images.sh
# pass them, and the deployment module checks they are the services' ports).
#
# Stage 1 splits the Spring Boot jar into layers (dependencies change less often than the
# application classes, so image layers are reused between builds) in the form the JVM's AOT cache
# needs: application.jar and lib/*.jar, started with `java -jar`; see
# https://docs.spring.io/spring-boot/reference/packaging/container-images/dockerfiles.html and
# .../packaging/aot-cache.html (`extract --layers` checked against spring-boot-jarmode-tools 4.0.7).
# The image then makes its AOT cache (JDK 25, JEP 483/514/515) in a training run: the application
# starts up to its refreshed context and exits (spring.context.exit=onRefresh: no port, no listener;
# index and topic creation off, so neither MongoDB nor Kafka is needed; the Kafka client's classes loaded all
# the same: support's KafkaClassesForAotCache), with the JVM, the jars and the
# JVM options (JAVA_TOOL_OPTIONS, -XX:MaxRAM as the 1 GiB pod) it runs with; it about halves the start-up.
# A JVM that cannot use the cache (e.g. started with -XX:+UseCompactObjectHeaders) warns and runs without it.
FROM eclipse-temurin:25-jre AS layers
ARG SERVICE
ARG PORT
RUN [ -n "$SERVICE" ] && [ -n "$PORT" ] \
 || { echo "build with --build-arg SERVICE=<module> --build-arg PORT=<its port> (docker/service.Dockerfile)" >&2; exit 1; }
WORKDIR /build
COPY target/${SERVICE}.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre
ARG SERVICE
ARG PORT
LABEL org.opencontainers.image.title="notary-portal/${SERVICE}"
RUN groupadd --system --gid 10001 portal \
 && useradd --system --uid 10001 --gid portal --home-dir /application --no-create-home --shell /usr/sbin/nologin portal
WORKDIR /application
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# the same JVM options as the Kubernetes manifests' JAVA_TOOL_OPTIONS (docs/operations.md, "JVM settings")
ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+UseSerialGC -Xmn16m -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
RUN java -XX:MaxRAM=1g -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
      -Dspring.data.mongodb.auto-index-creation=false -Dspring.kafka.admin.auto-create=false -jar application.jar \
 && rm -rf /tmp/*
USER 10001:10001
EXPOSE ${PORT} 9090
# Probes: /actuator/health/liveness and /actuator/health/readiness, on the management port when
# MANAGEMENT_SERVER_PORT is set (Kubernetes: 9090). The image has bash but no curl or wget: the
# compose healthcheck asks over bash's /dev/tcp.
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "application.jar"]
