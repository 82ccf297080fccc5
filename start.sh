#!/usr/bin/env bash
# Starts the whole system with embedded defaults: PostgreSQL, Redis, the Evolution simulator and
# the provisioned WildFly with the EAR. DB_URL/DB_USER/DB_PASSWORD, REDIS_URL, EVOLUTION_URL and
# EVOLUTION_API_KEY, MP_JWT_VERIFY_PUBLICKEY_LOCATION/MP_JWT_VERIFY_ISSUER switch each part to a
# real one. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests install
./mvnw -B -q -pl local-stack dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "local-stack/target/classes:$(cat local-stack/target/classpath.txt)" whatsapp.localstack.Start "$PWD"
