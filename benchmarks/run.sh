#!/usr/bin/env bash
# Builds the project, starts the real system on embedded infrastructure with the simulator,
# measures every target of the benchmarks issue, prints each figure as it goes and, on a full run
# (no arguments), rewrites docs/benchmarks.md: a summary table (measure | target | figure | met?),
# then each section's details. About 15 minutes on 2 cores.
#   ./benchmarks/run.sh                     everything, rewrites docs/benchmarks.md
#   ./benchmarks/run.sh quick               smaller sizes, writes benchmarks/target/benchmarks.md
#   ./benchmarks/run.sh [quick] only=boot,sweeps,fleet,orphans,reads,creates,webhooks,alerts,catchup,burst,zombies,growth
# MAVEN_ARGS (e.g. "-o -Dmaven.repo.local=/tmp/m2") is added to every Maven run: Maven 3.9 reads it itself.
# The GET figures of record need wrk (apt-get install wrk); without it a Java load generator stands in.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || echo "==> wrk is not installed (apt-get install wrk): GET figures from the Java load generator"
echo "==> Building (mvn install${MAVEN_ARGS:+ with MAVEN_ARGS=$MAVEN_ARGS})"
./mvnw -B -q -Pbenchmarks -DskipTests install
exec ./mvnw -B -q -Pbenchmarks -pl benchmarks org.codehaus.mojo:exec-maven-plugin:java -Dexec.mainClass=whatsapp.benchmarks.Benchmarks -Dexec.args="$PWD $*"
