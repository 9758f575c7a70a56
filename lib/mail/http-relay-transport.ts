import "server-only";
import { randomUUID } from "node:crypto";
import dns from "node:dns";
import net from "node:net";
import { classifyHttpError, DiagnosedError } from "./explain";
import { runStages, type StageRunner } from "./stage-runner";
import type { HttpRelayConfig, OutgoingMessage, SendOptions, SendResult, Transport } from "./types";

export const HTTP_RELAY_LIMITS = { resolve: 5_000, request: 10_000 } as const;

function relayForm(message: OutgoingMessage): FormData {
  const form = new FormData();
  form.append("from", message.fromName);
  form.append("reply_to", message.replyTo.join(", "));
  form.append("to", message.to.join(", "));
  if (message.cc.length) form.append("cc", message.cc.join(", "));
  form.append("subject", message.subject);
  form.append("body", message.html);
  for (const attachment of message.attachments) {
    const file = new Blob([new Uint8Array(attachment.content)], { type: attachment.contentType });
    // An image the HTML shows goes as an "inline" part named after its cid, as Mailgun-style relays expect.
    if (attachment.contentId) form.append("inline", file, attachment.contentId);
    else form.append("attachment", file, attachment.filename);
  }
  return form;
}

function messageIdFrom(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object") {
      const { id, messageId } = parsed as { id?: unknown; messageId?: unknown };
      const value = messageId ?? id;
      if (typeof value === "string" || typeof value === "number") return String(value);
    }
  } catch {
    // a plain-text answer carries no id
  }
  return undefined;
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : Math.ceil((Date.parse(header) - Date.now()) / 1000);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : undefined;
}

async function resolveRelay(config: HttpRelayConfig, runner: StageRunner): Promise<URL> {
  const url = new URL(config.url);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`Unsupported URL scheme ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!net.isIP(host)) {
    await runner.bounded(dns.promises.lookup(host), HTTP_RELAY_LIMITS.resolve, `DNS lookup of ${host} timed out`);
  }
  return url;
}

/** HTTP relay transport: one multipart/form-data POST; any 2xx is success. */
export function createHttpRelayTransport(config: HttpRelayConfig): Transport {
  return {
    send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendResult> {
      return runStages(
        {
          total: HTTP_RELAY_LIMITS.resolve + HTTP_RELAY_LIMITS.request,
          onStage: options.onStage,
          diagnose: (error, stage) => classifyHttpError(error, { stage, url: config.url }),
        },
        async (runner) => {
          const url = await runner.step("resolve", () => resolveRelay(config, runner));
          const https = url.protocol === "https:";
          // fetch connects, shakes hands and sends as one step; a TLS failure still shows which part worked.
          const response = await runner.step(https ? ["connect", "tls"] : "connect", async () => {
            const response = await fetch(url, { method: "POST", body: relayForm(message), signal: AbortSignal.timeout(HTTP_RELAY_LIMITS.request), redirect: "manual" });
            return { status: response.status, headers: response.headers, body: await response.text() };
          });
          if (!https) runner.skip("tls");
          return runner.step("message", async () => {
            if (response.status < 200 || response.status > 299) {
              const retryAfter = retryAfterSeconds(response.headers.get("retry-after"));
              throw new DiagnosedError("message", "http_status", response.body.slice(0, 500), { httpStatus: response.status, ...(retryAfter === undefined ? {} : { retryAfter }) });
            }
            return messageIdFrom(response.body) ?? `<${randomUUID()}@mailroom>`;
          });
        },
      );
    },
  };
}
