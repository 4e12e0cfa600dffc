#!/usr/bin/env bash
# Builds the container image's Java runtime without a registry or a Docker daemon: a jlink'ed Java 17 runtime from
# the build's own JDK in <out>/opt/java, plus the shared libraries it loads (found with ldd) at their paths, and an
# empty /tmp. Jib adds <out> to a `scratch` image as an extra directory (pom.xml, jib-maven-plugin).
# Usage: jib-runtime.sh <java.home> <out-dir>
set -euo pipefail
java_home=$1
out=$2
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
stamp="$out.stamp"
if [ -x "$out/opt/java/bin/java" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$java_home $modules" ]; then
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp"
chmod 1777 "$out/tmp"
"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$out/opt/java"
# Every shared library the runtime's executables and libraries load, and the dynamic loader, at their own paths.
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null \
  | grep -o '/[^ ]*' | grep -v "^$out" | sort -u \
  | while read -r lib; do
      [ -e "$lib" ] || continue
      mkdir -p "$out$(dirname "$lib")"
      cp -L "$lib" "$out$lib"
    done
# The loader's path as programs name it (/lib64/ld-linux-x86-64.so.2 on amd64) may be a link to /lib/...: both exist.
for loader in /lib64/ld-linux-x86-64.so.2 /lib/ld-linux-aarch64.so.1; do
  if [ -e "$loader" ] && [ ! -e "$out$loader" ]; then
    mkdir -p "$out$(dirname "$loader")"
    cp -L "$loader" "$out$loader"
  fi
done
echo "$java_home $modules" > "$stamp"
