import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { isJsonRequest, sameOrigin } from "@/lib/auth/same-origin";
import { renderEmailBody } from "@/lib/documents/email-template";
import { composeOutgoing } from "@/lib/mail/compose";
import { readEmailSettings, savedPasswordOwner } from "@/lib/mail/settings-store";
import { mailSetupFromForm } from "@/lib/mail/setup";
import { createTransport } from "@/lib/mail/transport";
import type { MailFailure, StageEvent } from "@/lib/mail/types";
import { fieldErrorsOf } from "@/lib/validation/action-result";
import { emailSettingsSchema } from "@/lib/validation/email-settings";

export type TestStreamEvent =
  | { type: "stage"; event: StageEvent }
  | { type: "result"; result: ({ ok: true; messageId: string } | { ok: false; failure: MailFailure }) & { to: string } };

const json = (status: number, body: unknown) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * Tests the unsaved email settings form by sending a short message, streaming each stage's
 * result as one JSON line so the form can show progress live. Admins only.
 */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return json(401, { error: "unauthorized" });
  if (user.role !== "admin") return json(403, { error: "forbidden" });
  if (!sameOrigin(request)) return json(403, { error: "forbidden" });
  if (!isJsonRequest(request)) return json(415, { error: "invalid" });

  let input: unknown;
  try {
    input = await request.json();
  } catch {
    return json(400, { error: "invalid" });
  }
  const stored = readEmailSettings(user.businessId);
  const parsed = emailSettingsSchema({ savedPassword: savedPasswordOwner(stored) }).safeParse(input);
  if (!parsed.success) return json(400, { error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) });

  const t = await getTranslations("emailSettings.test");
  const setup = mailSetupFromForm(stored, parsed.data);
  const body = renderEmailBody(t("body", { business: setup.businessName }));
  const message = composeOutgoing(setup, { to: [setup.sender], subject: t("subject"), ...body });

  const encoder = new TextEncoder();
  // The browser may leave mid-test (closed tab); the send still ends within its own bound.
  let open = true;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const emit = (event: TestStreamEvent) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(JSON.stringify(event) + "\n"));
        } catch {
          open = false;
        }
      };
      try {
        const { stages: _stages, ...result } = await createTransport(setup.config).send(message, {
          onStage: (event) => emit({ type: "stage", event }),
        });
        emit({ type: "result", result: { ...result, to: setup.sender } });
      } catch (error) {
        // Transports report failures as results; reaching here is a bug, logged without details that could hold secrets.
        console.error("[mailroom] email settings test crashed:", error instanceof Error ? error.name : typeof error);
        emit({ type: "result", result: { ok: false, to: setup.sender, failure: { stage: "message", code: "unknown", raw: "" } } });
      }
      if (open) controller.close();
    },
    cancel() {
      open = false;
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
}
