// Microsoft identity, Graph, Google OAuth and Gmail API errors → plain diagnosis. Pure, like explain.ts.
import { classifyHttpError, redactSecrets } from "./explain";
import type { OAuthProvider } from "./oauth/providers";
import type { FailureCode, MailFailure, StageName } from "./types";
import { SIGN_IN_ACTION_CODES } from "./types";

export interface ProviderErrorContext {
  provider: OAuthProvider;
  stage: StageName;
  /** The redirect URI to register, shown with AADSTS50011 / redirect_uri_mismatch. */
  redirectUri: string;
  /** The API base, for network failures. */
  url: string;
  secrets?: string[];
  now?: number;
}

/** The shape of lib/mail/oauth's ProviderHttpError, read structurally so this module stays pure. */
interface ProviderErrorLike {
  name: string;
  status: number;
  body: Record<string, unknown>;
  raw: string;
  retryAfterSeconds?: number;
}

function isProviderError(error: unknown): error is ProviderErrorLike {
  return Boolean(error && typeof error === "object" && (error as { name?: unknown }).name === "ProviderHttpError");
}

/** AADSTS codes in a Microsoft identity error: from error_codes and from the description text. */
export function aadstsCodes(body: Record<string, unknown>): number[] {
  const codes = new Set<number>();
  if (Array.isArray(body.error_codes)) for (const code of body.error_codes) if (Number.isInteger(code)) codes.add(code as number);
  const description = typeof body.error_description === "string" ? body.error_description : "";
  for (const match of description.matchAll(/AADSTS(\d+)/g)) codes.add(Number(match[1]));
  return [...codes];
}

const AADSTS: Array<[number[], FailureCode]> = [
  [[700082, 70008], "oauth_microsoft_grant_expired"],
  [[7000215], "oauth_secret_id_not_value"],
  [[7000222], "oauth_secret_expired"],
  [[50011], "oauth_redirect_mismatch"],
  [[50194], "oauth_tenant_required"],
  [[65001, 90094, 90008], "oauth_consent_required"],
];

/** Graph and Gmail nest their error: { error: { code, message, errors: [{ reason }] } }. */
function apiError(body: Record<string, unknown>): { code: string; reasons: string[]; message: string } | undefined {
  const error = body.error;
  if (!error || typeof error !== "object") return undefined;
  const { code, message, errors, status } = error as { code?: unknown; message?: unknown; errors?: unknown; status?: unknown };
  const reasons = Array.isArray(errors)
    ? errors.flatMap((e) => (e && typeof e === "object" && typeof (e as { reason?: unknown }).reason === "string" ? [(e as { reason: string }).reason] : []))
    : [];
  return { code: typeof code === "string" ? code : typeof status === "string" ? status : String(code ?? ""), reasons, message: typeof message === "string" ? message : "" };
}

function codeFor(error: ProviderErrorLike, provider: OAuthProvider): FailureCode {
  const { body, status } = error;
  const oauthError = typeof body.error === "string" ? body.error : "";

  if (oauthError) {
    const codes = aadstsCodes(body);
    for (const [known, code] of AADSTS) if (known.some((c) => codes.includes(c))) return code;
    if (oauthError === "access_denied") return "oauth_access_denied";
    if (oauthError === "redirect_uri_mismatch") return "oauth_redirect_mismatch";
    if (oauthError === "consent_required" || oauthError === "interaction_required") return "oauth_consent_required";
    if (oauthError === "invalid_grant") {
      // Google says "Token has been expired or revoked."; either way the refresh token is dead.
      return provider === "google" ? "oauth_google_grant_revoked" : "oauth_microsoft_grant_expired";
    }
    if (oauthError === "invalid_client" || oauthError === "unauthorized_client") return "oauth_invalid_client";
    if (oauthError === "no_refresh_token") return "oauth_no_refresh_token";
    if (oauthError === "no_address") return "oauth_no_address";
    return "oauth_failed";
  }

  const api = apiError(body);
  if (status === 429) return "api_rate_limited";
  if (api?.code === "MailboxNotEnabledForRESTAPI" || api?.code === "MailboxNotSupportedForRESTAPI") return "graph_mailbox_not_enabled";
  if (status === 403 && api?.code === "ErrorAccessDenied") return "graph_access_denied";
  if (status === 403 && (api?.reasons.includes("insufficientPermissions") || api?.reasons.includes("ACCESS_TOKEN_SCOPE_INSUFFICIENT"))) {
    return "gmail_insufficient_permissions";
  }
  if (status === 401) return "api_unauthorized";
  if (status === 403) return provider === "microsoft" ? "graph_access_denied" : "gmail_insufficient_permissions";
  return "http_status";
}

/** Gmail may give the time only in its message: "User-rate limit exceeded.  Retry after 2026-11-28T06:01:00.000Z". */
function retryAfterFromMessage(body: Record<string, unknown>, now: number): number | undefined {
  const at = /Retry after (\S+Z)/.exec(apiError(body)?.message ?? "")?.[1];
  const time = at ? Date.parse(at) : NaN;
  return Number.isNaN(time) ? undefined : Math.max(0, Math.ceil((time - now) / 1000));
}

/** Failures that no retry fixes: a person must act (reconnect, fix the registration, grant consent). */
const PERMANENT = new Set<FailureCode>([
  ...SIGN_IN_ACTION_CODES,
  "graph_access_denied",
  "graph_mailbox_not_enabled",
  "gmail_insufficient_permissions",
  "api_message_too_large",
  "api_account_changed",
]);

/** Codes after which the admin must sign in again: the settings page and banner say "Reconnect". */
export const RECONNECT_CODES: ReadonlySet<FailureCode> = new Set<FailureCode>([
  "oauth_microsoft_grant_expired",
  "oauth_google_grant_revoked",
  "oauth_consent_required",
  "oauth_not_connected",
  "api_unauthorized",
]);

export function isPermanentFailure(code: FailureCode): boolean {
  return PERMANENT.has(code);
}

/** Classifies anything a sign-in, token refresh, account lookup or API send threw. */
export function classifyProviderError(error: unknown, context: ProviderErrorContext): MailFailure {
  if (!isProviderError(error)) {
    const e = (error && typeof error === "object" ? error : {}) as { name?: unknown; limitMb?: unknown; address?: unknown };
    if (e.name === "NotConnectedError") return { stage: context.stage, code: "oauth_not_connected", raw: "", permanent: true, reconnect: context.provider };
    if (e.name === "ApiSizeLimitError") return { stage: "message", code: "api_message_too_large", raw: "", limitMb: Number(e.limitMb), permanent: true };
    if (e.name === "AccountChangedError") return { stage: "account", code: "api_account_changed", raw: String(e.address), permanent: true };
    return classifyHttpError(error, { stage: context.stage, url: context.url, secrets: context.secrets });
  }
  const code = codeFor(error, context.provider);
  const failure: MailFailure = {
    stage: context.stage,
    code,
    raw: redactSecrets(error.raw, context.secrets ?? []),
    permanent: isPermanentFailure(code),
  };
  if (error.status >= 400) failure.httpStatus = error.status;
  if (code === "api_rate_limited") {
    const retryAfter = error.retryAfterSeconds ?? retryAfterFromMessage(error.body, context.now ?? Date.now());
    if (retryAfter !== undefined) failure.retryAfter = retryAfter;
  }
  if (code === "oauth_redirect_mismatch") failure.redirectUri = context.redirectUri;
  if (RECONNECT_CODES.has(code)) failure.reconnect = context.provider;
  return failure;
}
