#!/usr/bin/env bash
# Starts the whole system with embedded defaults: PostgreSQL, Redis, the Evolution simulator and
# the provisioned WildFly with the EAR. DB_URL/DB_USER/DB_PASSWORD, REDIS_URL, EVOLUTION_URL and
# EVOLUTION_API_KEY, MP_JWT_VERIFY_PUBLICKEY_LOCATION/MP_JWT_VERIFY_ISSUER switch each part to a
# real one. STACK_DIR (default .local-stack) and STACK_PORT_OFFSET (default 0, added to 8080 and
# 9990) let a second stack run beside the first; MAVEN_ARGS (e.g. -Dmaven.repo.local=...) is
# passed to every Maven run. SERVER=payara runs the same EAR on Payara Server 6 instead of WildFly
# (HTTP 8080 + STACK_PORT_OFFSET; health and metrics on that port too). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
export STACK_DIR="${STACK_DIR:-$PWD/.local-stack}"
mkdir -p "$STACK_DIR"
build_log="$STACK_DIR/build.log"

echo "==> Building (tests skipped; log: $build_log)"
if ! ./mvnw -B -q -DskipTests install >"$build_log" 2>&1 \
   || ! ./mvnw -B -q -pl local-stack dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >>"$build_log" 2>&1; then
  echo "The build failed:" >&2
  if grep -q '^\[ERROR\]' "$build_log"; then grep '^\[ERROR\]' "$build_log" | head -40 >&2; else tail -40 "$build_log" >&2; fi
  echo "(whole output: $build_log)" >&2
  exit 1
fi
exec java -cp "local-stack/target/classes:$(cat local-stack/target/classpath.txt)" whatsapp.localstack.Start "$PWD"
