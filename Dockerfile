# Peregrine as a daemon. Two stages: build the executable jar with Maven and JDK 17, then run it on a
# JRE 17 image as an unprivileged user. The engine's command is the one the tests run
# (DockerAssetsTest checks that): `run --config /etc/peregrine/peregrine.yaml`.
#
#   docker build -t peregrine .
#   docker compose up          # engine + Prometheus + Grafana + Alertmanager (docker-compose.yml)

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so a source change does not download the world again.
COPY pom.xml ./
COPY core/pom.xml core/
COPY gateway/pom.xml gateway/
COPY journal/pom.xml journal/
COPY aeron-shaded/pom.xml aeron-shaded/
COPY cluster/pom.xml cluster/
COPY ops/pom.xml ops/
COPY bench/pom.xml bench/
RUN mvn -B -q -pl ops -am dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -pl ops -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 999 peregrine && useradd --system --uid 999 --gid peregrine --home-dir /var/lib/peregrine peregrine \
    && mkdir -p /var/lib/peregrine /etc/peregrine && chown peregrine:peregrine /var/lib/peregrine
WORKDIR /opt/peregrine
COPY --from=build /src/ops/target/peregrine.jar ./peregrine.jar
COPY --from=build /src/jvm.options ./jvm.options
COPY ops/config/docker.yaml /etc/peregrine/peregrine.yaml
USER peregrine
VOLUME /var/lib/peregrine
EXPOSE 8080 9090
# /health answers 200 while the engine's threads live; bash's /dev/tcp needs no curl in the image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q " 200 "'
# SIGTERM (docker stop) shuts the engine down gracefully: feed stopped, journal flushed, summary printed.
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "@/opt/peregrine/jvm.options", "-jar", "/opt/peregrine/peregrine.jar"]
CMD ["run", "--config", "/etc/peregrine/peregrine.yaml"]
