import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import checksums from "@/drizzle/checksums.json";
import { sha256 } from "./sql-files";

// A database migrated before an edit keeps the old text: an applied migration is history, never
// edited (add a migration, or change a file under drizzle/functions). Each migration's checksum
// is frozen here when it is added.
describe("versioned migrations", () => {
  const folder = path.join(process.cwd(), "drizzle");
  const files = fs
    .readdirSync(folder)
    .filter((f) => /^\d{4}_.*\.sql$/.test(f))
    .sort();

  it("are each exactly as when first applied", () => {
    for (const file of files) {
      const recorded = (checksums as Record<string, string>)[file];
      expect(
        recorded,
        `${file} is new: add "${file}": "${sha256(fs.readFileSync(path.join(folder, file), "utf8"))}" to drizzle/checksums.json`,
      ).toBeDefined();
      expect(
        sha256(fs.readFileSync(path.join(folder, file), "utf8")),
        `${file} was edited after it was applied`,
      ).toBe(recorded);
    }
  });
});
