import "server-only";
import { createHash } from "node:crypto";
import { createPooledSmtpTransport, type PooledTransport } from "../smtp-pool";
import type { SmtpConfig } from "../types";

// One pool per business and settings: an email queued before a settings change is sent with the
// settings in force when it leaves, and saving settings closes the old connections.
const pools = new Map<number, { version: string; transport: PooledTransport }>();

const versionOf = (config: SmtpConfig) => createHash("sha256").update(JSON.stringify(config)).digest("hex");

export function pooledSmtpTransport(businessId: number, config: SmtpConfig): PooledTransport {
  const version = versionOf(config);
  const current = pools.get(businessId);
  if (current?.version === version) return current.transport;
  current?.transport.close();
  const transport = createPooledSmtpTransport(config);
  pools.set(businessId, { version, transport });
  return transport;
}

/** Closes a business's pooled connections (its settings were saved), or every business's. */
export function closePooledTransports(businessId?: number): void {
  for (const [id, pool] of pools) {
    if (businessId !== undefined && id !== businessId) continue;
    pool.transport.close();
    pools.delete(id);
  }
}
