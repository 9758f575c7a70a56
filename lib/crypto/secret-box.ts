import crypto from "node:crypto";

// Format "v1.<iv>.<tag>.<ciphertext>" (base64url): the version lets us rotate the scheme later.
const VERSION = "v1";
const IV_BYTES = 12;

export class SecretBoxError extends Error {
  constructor() {
    // Deliberately vague: the message must never help recover the secret.
    super("Stored secret could not be decrypted (wrong key or tampered data).");
    this.name = "SecretBoxError";
  }
}

/**
 * AES-256-GCM with a random IV. `context` is bound as associated data, so a sealed value copied
 * into another field or business does not open.
 */
export function seal(plaintext: string, key: Buffer, context: string): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function open(sealed: string, key: Buffer, context: string): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length) throw new SecretBoxError();
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError();
  }
}
