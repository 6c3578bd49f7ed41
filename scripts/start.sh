#!/bin/sh
# Starts the app's HTTP server (scripts/server.mjs) with jemalloc as the allocator when the
# machine has it (Debian: libjemalloc2). Pictures are decoded by libvips (sharp) on worker
# threads, and glibc's allocator keeps what those threads freed: the process stays hundreds of
# megabytes above idle after a burst of uploads (BENCHMARKS.md, "Evidence pictures"); sharp's
# documentation recommends jemalloc for this. IBLAGH_ALLOCATOR=system keeps glibc's.
if [ -z "${LD_PRELOAD:-}" ] && [ "${IBLAGH_ALLOCATOR:-jemalloc}" = jemalloc ]; then
  for lib in /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 /usr/lib/aarch64-linux-gnu/libjemalloc.so.2 \
    /usr/lib/libjemalloc.so.2 /usr/lib64/libjemalloc.so.2; do
    if [ -r "$lib" ]; then
      export LD_PRELOAD="$lib"
      break
    fi
  done
fi
exec node "$(dirname "$0")/server.mjs" "$@"
