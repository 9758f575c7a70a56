import "server-only";
import { randomUUID } from "node:crypto";
import dns from "node:dns";
import net from "node:net";
import { classifyHttpError } from "./explain";
import { createStageRecorder } from "./stages";
import type { HttpRelayConfig, MailFailure, OutgoingMessage, SendOptions, SendResult, StageName, Transport } from "./types";

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
    form.append("attachment", new Blob([new Uint8Array(attachment.content)], { type: attachment.contentType }), attachment.filename);
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

/** HTTP relay transport: one multipart/form-data POST; any 2xx is success. */
export function createHttpRelayTransport(config: HttpRelayConfig): Transport {
  return {
    async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendResult> {
      const recorder = createStageRecorder(options.onStage);
      const { stages, begin, pass } = recorder;
      const failed = (failure: MailFailure): SendResult => {
        recorder.fail(failure.stage);
        return { ok: false, failure, stages };
      };

      let url: URL;
      begin("resolve");
      try {
        url = new URL(config.url);
        if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`Unsupported URL scheme ${url.protocol}`);
        const host = url.hostname.replace(/^\[|\]$/g, "");
        if (!net.isIP(host)) {
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(Object.assign(new Error(`DNS lookup of ${host} timed out`), { code: "EAI_AGAIN" })), HTTP_RELAY_LIMITS.resolve);
          });
          await Promise.race([dns.promises.lookup(host), timeout]).finally(() => clearTimeout(timer));
        }
      } catch (error) {
        return failed(classifyHttpError(error, { stage: "resolve", url: config.url }));
      }
      pass();

      const https = url.protocol === "https:";
      begin("connect");
      let response: Response;
      let body: string;
      try {
        response = await fetch(url, { method: "POST", body: relayForm(message), signal: AbortSignal.timeout(HTTP_RELAY_LIMITS.request), redirect: "manual" });
        body = await response.text();
      } catch (error) {
        const failure = classifyHttpError(error, { stage: recorder.current(), url: config.url });
        // fetch reports connect/TLS/request as one step; mark the ones that evidently worked.
        const order: StageName[] = https ? ["connect", "tls", "message"] : ["connect", "message"];
        for (const stage of order.slice(0, Math.max(0, order.indexOf(failure.stage)))) pass(stage);
        return failed(failure);
      }
      pass("connect");
      if (https) pass("tls");
      else recorder.skip("tls");

      begin("message");
      if (response.status < 200 || response.status > 299) {
        return failed({
          stage: "message",
          code: "http_status",
          httpStatus: response.status,
          raw: body.slice(0, 500),
        });
      }
      pass();
      return { ok: true, messageId: messageIdFrom(body) ?? `<${randomUUID()}@mailroom>`, stages };
    },
  };
}
