#!/usr/bin/env bash
# The extracted application beside the single jar: BUILD_DIR/dynamo-migrate/ holds a thin dynamo-migrate.jar, lib/
# (Spring Boot's `-Djarmode=tools extract`) and bin/dynamo-migrate (src/dist/dynamo-migrate), which starts faster than
# `java -jar BUILD_DIR/dynamo-migrate.jar` (see that script). Usage: dist.sh JAVA_HOME BUILD_DIR SOURCE_DIR
set -euo pipefail
java_home=$1 build=$2 source=$3
out=$build/dynamo-migrate
rm -rf "$out"
"$java_home/bin/java" -Djarmode=tools -jar "$build/dynamo-migrate.jar" extract --destination "$out" >/dev/null
mkdir -p "$out/bin"
install -m 755 "$source/src/dist/dynamo-migrate" "$out/bin/dynamo-migrate"
