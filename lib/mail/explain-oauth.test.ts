import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { recordedTokenErrors } from "../../test/fixtures/identity-provider";
import { recordedApiErrors } from "../../test/fixtures/mail-apis";
import en from "../i18n/messages/en/diagnosis.json";
import es from "../i18n/messages/es/diagnosis.json";
import { diagnosisParams } from "./diagnosis-params";
import { aadstsCodes, classifyProviderError, RECONNECT_CODES } from "./explain-oauth";
import type { OAuthProvider } from "./oauth/providers";
import type { FailureCode, MailFailure, StageName } from "./types";

const REDIRECT_URI = "https://mailroom.example/oauth/microsoft/callback";

/** What lib/mail/oauth's ProviderHttpError looks like to the classifier. */
function answered(status: number, body: Record<string, unknown>, retryAfterSeconds?: number) {
  return Object.assign(new Error(`HTTP ${status}`), { name: "ProviderHttpError", status, body, raw: JSON.stringify(body), retryAfterSeconds });
}

function classify(provider: OAuthProvider, error: unknown, stage: StageName = "token", now?: number): MailFailure {
  return classifyProviderError(error, { provider, stage, redirectUri: REDIRECT_URI, url: "https://graph.microsoft.com", now });
}

const sentence = (locale: "en" | "es", failure: MailFailure) => {
  const t = createTranslator({ locale, messages: locale === "en" ? en : es, namespace: "diagnosis" });
  const key = failure.code as Exclude<keyof typeof en.diagnosis, "stages" | "troubleshooting">;
  return `${t(`${key}.title`, diagnosisParams(failure))} ${t(`${key}.fix`, diagnosisParams(failure))}`;
};

const aad = (code: number, error: string, description: string) => ({ error, error_description: `AADSTS${code}: ${description} Trace ID: 1 Correlation ID: 2 Timestamp: 2026-11-28 06:00:00Z`, error_codes: [code] });

describe("the diagnosis table: a recorded error body → the sentence with the fix", () => {
  const cases: Array<{ name: string; provider: OAuthProvider; status: number; body: Record<string, unknown>; code: FailureCode; says: RegExp; retryAfter?: number }> = [
    {
      name: "AADSTS700082 (refresh token expired after 90 days of inactivity)",
      provider: "microsoft",
      status: 400,
      body: recordedTokenErrors.microsoftRefreshExpired(),
      code: "oauth_microsoft_grant_expired",
      says: /Reconnect/,
    },
    {
      name: "AADSTS70008 (code or refresh token expired)",
      provider: "microsoft",
      status: 400,
      body: aad(70008, "invalid_grant", "The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource."),
      code: "oauth_microsoft_grant_expired",
      says: /Reconnect/,
    },
    {
      name: "Google \"Token has been expired or revoked.\" (also apps left in Testing, after 7 days)",
      provider: "google",
      status: 400,
      body: recordedTokenErrors.googleRevoked(),
      code: "oauth_google_grant_revoked",
      says: /Reconnect.*7 days/,
    },
    {
      name: "AADSTS7000215 (the secret's ID instead of its value)",
      provider: "microsoft",
      status: 401,
      body: recordedTokenErrors.microsoftSecretId("6731de76-14a6-49ae-97bc-6eba6914391e"),
      code: "oauth_secret_id_not_value",
      says: /ID was pasted instead of its value.*Value column/,
    },
    {
      name: "AADSTS7000222 (the secret expired)",
      provider: "microsoft",
      status: 401,
      body: aad(7000222, "invalid_client", "The provided client secret keys for app '6731de76-14a6-49ae-97bc-6eba6914391e' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret."),
      code: "oauth_secret_expired",
      says: /has expired.*new client secret/,
    },
    {
      name: "AADSTS50011 (redirect URI mismatch: the exact one to register)",
      provider: "microsoft",
      status: 400,
      body: recordedTokenErrors.microsoftRedirectMismatch("6731de76-14a6-49ae-97bc-6eba6914391e"),
      code: "oauth_redirect_mismatch",
      says: new RegExp(`Register exactly this redirect URI .*${REDIRECT_URI.replace(/[./]/g, "\\$&")}`),
    },
    {
      name: "AADSTS50194 (single-tenant app used with common)",
      provider: "microsoft",
      status: 400,
      body: aad(50194, "invalid_request", "Application '6731de76-14a6-49ae-97bc-6eba6914391e'(Mailroom) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant."),
      code: "oauth_tenant_required",
      says: /Directory \(tenant\) ID/,
    },
    {
      name: "AADSTS65001 (consent needed)",
      provider: "microsoft",
      status: 400,
      body: aad(65001, "invalid_grant", "The user or administrator has not consented to use the application with ID '6731de76-14a6-49ae-97bc-6eba6914391e' named 'Mailroom'. Send an interactive authorization request for this user and resource."),
      code: "oauth_consent_required",
      says: /admin consent/,
    },
    {
      name: "AADSTS90094 (admin approval needed)",
      provider: "microsoft",
      status: 400,
      body: aad(90094, "access_denied", "Admin consent is required for the permissions requested by this application."),
      code: "oauth_consent_required",
      says: /administrator's approval/,
    },
    {
      name: "access_denied from Microsoft (the user declined, AADSTS65004)",
      provider: "microsoft",
      status: 400,
      body: { error: "access_denied", error_description: "AADSTS65004: User declined to consent to access the app." },
      code: "oauth_access_denied",
      says: /cancelled or refused/,
    },
    {
      name: "access_denied from Google (cancelled, or the app is not verified or published)",
      provider: "google",
      status: 400,
      body: { error: "access_denied", error_description: "" },
      code: "oauth_access_denied",
      says: /test user or publish the app/,
    },
    { name: "Graph 403 ErrorAccessDenied", provider: "microsoft", status: 403, body: recordedApiErrors.graphAccessDenied, code: "graph_access_denied", says: /Mail\.Send/ },
    {
      name: "Graph MailboxNotEnabledForRESTAPI",
      provider: "microsoft",
      status: 404,
      body: recordedApiErrors.graphMailboxNotEnabled,
      code: "graph_mailbox_not_enabled",
      says: /Exchange Online/,
    },
    { name: "Graph 429 with Retry-After", provider: "microsoft", status: 429, body: recordedApiErrors.graphThrottled, code: "api_rate_limited", says: /Wait 17 seconds/, retryAfter: 17 },
    { name: "Gmail 429 with Retry-After", provider: "google", status: 429, body: recordedApiErrors.gmailRateLimited, code: "api_rate_limited", says: /Wait 30 seconds/, retryAfter: 30 },
    {
      name: "Gmail 403 insufficientPermissions",
      provider: "google",
      status: 403,
      body: recordedApiErrors.gmailInsufficientPermissions,
      code: "gmail_insufficient_permissions",
      says: /gmail\.send/,
    },
  ];

  it.each(cases)("$name", ({ provider, status, body, code, says, retryAfter }) => {
    const failure = classify(provider, answered(status, body, retryAfter), status === 429 || status === 403 || status === 404 ? "message" : "token");
    expect(failure.code).toBe(code);
    expect(failure.httpStatus).toBe(status);
    expect(failure.retryAfter).toBe(retryAfter);
    expect(sentence("en", failure)).toMatch(says);
    expect(sentence("es", failure)).not.toBe(sentence("en", failure));
  });

  it("Gmail's 429 without a Retry-After header: the wait comes from its message", () => {
    const failure = classify("google", answered(429, recordedApiErrors.gmailRateLimited), "message", Date.parse("2026-11-28T06:00:15.000Z"));
    expect(failure).toMatchObject({ code: "api_rate_limited", retryAfter: 45, permanent: false });
  });

  it("reads AADSTS codes from error_codes and from the description", () => {
    expect(aadstsCodes({ error_codes: [50011] })).toEqual([50011]);
    expect(aadstsCodes({ error_description: "AADSTS7000222: The provided client secret keys are expired." })).toEqual([7000222]);
  });

  it("expired or revoked sign-ins, and consent, say Reconnect; a rate limit does not and may be retried", () => {
    const expired = classify("microsoft", answered(400, recordedTokenErrors.microsoftRefreshExpired()));
    expect(RECONNECT_CODES.has(expired.code)).toBe(true);
    expect(expired.permanent).toBe(true);
    const throttled = classify("microsoft", answered(429, recordedApiErrors.graphThrottled, 5), "message");
    expect(RECONNECT_CODES.has(throttled.code)).toBe(false);
    expect(throttled.permanent).toBe(false);
  });

  it("network failures are classified like any HTTP failure", () => {
    const refused = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }) });
    expect(classify("microsoft", refused, "message").code).toBe("connection_refused");
  });
});
