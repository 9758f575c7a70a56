import "server-only";
import { classifyProviderError } from "./explain-oauth";
import { buildMimeMessage } from "./mime";
import { fetchConnectedAddress, providerError } from "./oauth/token-client";
import { runStages } from "./stage-runner";
import type { OAuthApiConfig, OutgoingMessage, SendOptions, SendResult, Transport } from "./types";

/** The settings test answers within 15 s like SMTP's; a real send with large attachments gets longer. */
export const OAUTH_API_LIMITS = { test: 15_000, send: 60_000 } as const;

/** How one provider's API takes a MIME message. */
export interface MimeApi {
  /** Largest MIME message the API takes in one request, and the figure users are told. */
  maxMimeBytes: number;
  limitMb: number;
  post(mime: Buffer, accessToken: string, signal: AbortSignal): Promise<Response>;
}

/** A message over the API's size limit, refused before anything is sent. */
export class ApiSizeLimitError extends Error {
  constructor(readonly limitMb: number) {
    super(`The message is larger than the ${limitMb} MB the API accepts.`);
    this.name = "ApiSizeLimitError";
  }
}

/** The token now belongs to another mailbox than the one connected. */
export class AccountChangedError extends Error {
  constructor(readonly address: string) {
    super(`Signed in as ${address}`);
    this.name = "AccountChangedError";
  }
}

/**
 * The stages every OAuth API kind runs: token (refresh when needed) → account (settings test
 * only: who is signed in) → message (one POST of the MIME message nodemailer builds).
 */
export function createOAuthApiTransport(config: OAuthApiConfig, api: MimeApi): Transport {
  return {
    async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendResult> {
      const verify = Boolean(options.verifyAccount);
      let secrets: string[] = [];
      // Graph and Gmail read the recipients (Bcc included) from the headers and strip Bcc on delivery.
      const mime = await buildMimeMessage(message, { keepBcc: true });
      return runStages(
        {
          total: verify ? OAUTH_API_LIMITS.test : OAUTH_API_LIMITS.send,
          onStage: options.onStage,
          diagnose: (error, stage) => classifyProviderError(error, { provider: config.kind, stage, redirectUri: config.redirectUri, url: config.apiUrl, secrets }),
        },
        async (runner) => {
          if (mime.raw.length > api.maxMimeBytes) await runner.step("message", () => Promise.reject(new ApiSizeLimitError(api.limitMb)));
          const accessToken = await runner.step("token", () => config.accessToken.get({ forceRefresh: verify }));
          secrets = [accessToken];
          if (verify) {
            await runner.step("account", async () => {
              const address = await fetchConnectedAddress(config.kind, accessToken);
              if (address.toLowerCase() !== config.address.toLowerCase()) throw new AccountChangedError(address);
            });
          }
          await runner.step("message", async () => {
            const response = await api.post(mime.raw, accessToken, runner.signal);
            if (!response.ok) throw await providerError(response, secrets);
            // Success answers are empty (Graph) or a few bytes of JSON (Gmail) that nothing uses: read
            // to free the connection, not waited for, and not cancelled (a cancel builds an error per send).
            void response.arrayBuffer().catch(() => undefined);
          });
          return mime.messageId;
        },
      );
    },
  };
}
