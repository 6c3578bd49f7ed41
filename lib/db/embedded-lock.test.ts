import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { embeddedOwner } from "./embedded-lock";

const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "iblagh-lock-")), "pglite");
const own = (pid: number) => fs.writeFileSync(`${dir}.pid`, String(pid));

// `sh` starts a short child, then becomes a `sleep` that never reaps it: a zombie while it lives.
const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 30"], {
  stdio: ["ignore", "pipe", "ignore"],
});
const zombie = new Promise<number>((resolve) =>
  parent.stdout!.once("data", (d) => resolve(Number(String(d).trim()))),
);
afterAll(() => parent.kill());

describe("embeddedOwner", () => {
  it("names a live process that claimed the folder", () => {
    own(parent.pid!);
    expect(embeddedOwner(dir)).toBe(parent.pid);
  });

  it("ignores a claim by a process that is gone, or a zombie nobody reaped", async () => {
    own(2 ** 22 + 7); // above the kernel's pid limit: never a process
    expect(embeddedOwner(dir)).toBeNull();
    const pid = await zombie;
    await expect
      .poll(() => fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0])
      .toBe("Z");
    own(pid);
    expect(embeddedOwner(dir)).toBeNull();
  });
});
