#!/usr/bin/env bash
# The chaos soak (docs/reliability.md): two WildFly nodes behind a round-robin front, three simulated Evolution
# servers, embedded PostgreSQL and Redis, clinic traffic and random faults, invariants checked as it runs.
#   ./soak/run.sh [--minutes N] [--smoke] [--seed S] [--no-faults] [--no-build]
# Default 30 minutes; --smoke: 3 minutes (longer if need be), each fault kind once; --no-faults: a baseline. Rewrites docs/reliability.md.
# Builds offline without install (the EAR's provisioned server ear/target/server and the soak's class path
# soak/target/classpath.txt, whose sibling modules are their target jars). Ports: front 8670, nodes 8680 and 8700
# (management 10590 and 10610), alert receiver 8690.
set -euo pipefail
cd "$(dirname "$0")/.."
build=true
for arg in "$@"; do [[ "$arg" == "--no-build" ]] && build=false; done
if $build; then
  ./mvnw -B -o -q package -DskipTests -pl ear,soak -am
fi
cp="soak/target/classes:$(cat soak/target/classpath.txt)"
args=()
for arg in "$@"; do [[ "$arg" != "--no-build" ]] && args+=("$arg"); done
exec java -Xmx384m -XX:+UseSerialGC -cp "$cp" whatsapp.soak.Soak "$PWD" "${args[@]}"
