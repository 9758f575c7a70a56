import type { MailFailure } from "./types";

/** When a 429 names no wait, a minute is the usual advice of both providers. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** The placeholders of a diagnosis sentence (catalog "diagnosis.<code>"), for the page and the tests alike. */
export function diagnosisParams(failure: MailFailure, context: { host?: string; port?: number } = {}): Record<string, string> {
  return {
    host: context.host ?? "",
    port: String(context.port ?? ""),
    status: String(failure.httpStatus ?? ""),
    retryAfter: String(failure.retryAfter ?? DEFAULT_RETRY_AFTER_SECONDS),
    limit: String(failure.limitMb ?? ""),
    redirectUri: failure.redirectUri ?? "",
  };
}
