import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ConfigError, env, isEmbedded } from "@/lib/env";

export { ConfigError };

export interface Secrets {
  authSecret: string;
  encryptionKey: Buffer;
}

interface StoredSecrets {
  authSecret: string;
  encryptionKey: string;
}

// Embedded installs generate their secrets once and keep them beside the data, so a restart
// can still decrypt what it stored. A server install must be given them explicitly.
function embeddedSecrets(): StoredSecrets {
  const file = path.join(env.dataDir, "secrets.json");
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as StoredSecrets;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const fresh: StoredSecrets = {
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  fs.mkdirSync(env.dataDir, { recursive: true });
  try {
    // "wx": if another process won the race, keep its secrets.
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: "wx", mode: 0o600 });
    return fresh;
  } catch {
    return JSON.parse(fs.readFileSync(file, "utf8")) as StoredSecrets;
  }
}

let cached: Secrets | undefined;

export function getSecrets(): Secrets {
  if (cached) return cached;
  let authSecret = env.AUTH_SECRET;
  let encryptionKey = env.ENCRYPTION_KEY;
  if (!authSecret || !encryptionKey) {
    if (!isEmbedded()) {
      const missing = [!authSecret && "AUTH_SECRET", !encryptionKey && "ENCRYPTION_KEY"]
        .filter(Boolean)
        .join(", ");
      throw new ConfigError(
        `Missing ${missing}: with DATABASE_URL set, secrets must come from the environment ` +
          `(generate with: openssl rand -base64 32).`,
      );
    }
    const stored = embeddedSecrets();
    authSecret ??= stored.authSecret;
    encryptionKey ??= stored.encryptionKey;
  }
  cached = { authSecret, encryptionKey: Buffer.from(encryptionKey, "base64") };
  return cached;
}
