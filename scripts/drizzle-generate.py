#!/usr/bin/env python3
"""Runs `drizzle-kit generate` where it has no terminal, taking the default answer (create,
not rename) to each of its questions. usage: python3 scripts/drizzle-generate.py NAME"""
import os, pty, re, select, sys, time

pid, fd = pty.fork()
if pid == 0:
    os.execvp("npx", ["npx", "drizzle-kit", "generate", "--name", sys.argv[1]])
out = b""
deadline = time.time() + 120
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 1.0)
    if not ready:
        continue
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    out += data
    if b"created or renamed" in data:
        time.sleep(0.3)
        os.write(fd, b"\r")
print(re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", out).decode(errors="replace")[-600:])
