import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layering rules of docs/architecture.md, read from the import lines themselves.
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
/** Value imports only: `import type` carries no code across a layer. */
const imports = (file: string) =>
  [...fs.readFileSync(file, "utf8").matchAll(/^import (?!type )[^;]*?from "([^"]+)";/gms)].map(
    (m) => m[1],
  );
const DOMAIN = /^@\/lib\/(auth|audit|cases|demo|reports|share|statements|stats|api)(\/|$)/;

describe("layers", () => {
  it("the database layer imports no domain folder", () => {
    const bad = files("lib/db").flatMap((f) =>
      imports(f)
        .filter((i) => DOMAIN.test(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it("components never read the database (pages pass them what they show)", () => {
    const bad = files("components").flatMap((f) =>
      imports(f)
        .filter((i) => i.startsWith("@/lib/db"))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it("components never import app/: pages pass them their actions", () => {
    const bad = files("components").flatMap((f) =>
      [...fs.readFileSync(f, "utf8").matchAll(/^import [^;]*?from "(@\/app\/[^"]+)";/gms)].map(
        (m) => `${f} → ${m[1]}`,
      ),
    );
    expect(bad).toEqual([]);
  });

  it("the vocabulary imports nothing", () => {
    expect(fs.readFileSync("lib/vocabulary.ts", "utf8")).not.toMatch(/^import /m);
  });

  it("the domain never imports pages, actions or components", () => {
    const bad = files("lib").flatMap((f) =>
      imports(f)
        .filter((i) => /^@\/(app|components)\//.test(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it("pure text functions do no I/O and depend on nothing of the app", () => {
    const bad = files("lib/text").flatMap((f) =>
      imports(f)
        .filter((i) => i.startsWith("@/lib/") && !i.startsWith("@/lib/text/"))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });
});
