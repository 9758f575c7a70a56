import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db/config";

const cache = new Map<string, string>();

/**
 * Reads a secret from the environment, or generates it once into a 0600 file in the data folder
 * so a fresh install works without configuration. Production should set the variable.
 */
function secretFromEnvOrFile(envName: string, fileName: string): string {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const cached = cache.get(envName);
  if (cached) return cached;

  const file = path.join(dataDir(), fileName);
  let value: string;
  try {
    value = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    value = crypto.randomBytes(32).toString("base64");
    try {
      fs.writeFileSync(file, value + "\n", { mode: 0o600, flag: "wx" });
      console.warn(`[mailroom] ${envName} is not set: generated one in ${file}. Set ${envName} in production.`);
    } catch {
      // Another process won the race to create it; use theirs.
      value = fs.readFileSync(file, "utf8").trim();
    }
  }
  cache.set(envName, value);
  return value;
}

export function authSecret(): string {
  return secretFromEnvOrFile("NEXTAUTH_SECRET", "auth-secret.key");
}

/** The 32-byte key for lib/crypto; APP_ENCRYPTION_KEY is base64 or hex of 32 random bytes. */
export function encryptionKey(): Buffer {
  const raw = secretFromEnvOrFile("APP_ENCRYPTION_KEY", "encryption.key");
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64");
  if (key.length !== 32) {
    throw new Error("APP_ENCRYPTION_KEY must be 32 bytes, base64 or hex encoded (openssl rand -base64 32).");
  }
  return key;
}
