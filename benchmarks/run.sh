#!/usr/bin/env bash
# Builds the project, starts the real system on embedded infrastructure with the simulator,
# measures, prints every figure and rewrites docs/benchmarks.md. Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -DskipTests install
exec ./mvnw -B -q -Pbenchmarks -pl benchmarks exec:java -Dexec.mainClass=whatsapp.benchmarks.Benchmarks -Dexec.args="$PWD $*"
