import "server-only";
import { composeOutgoing, type MailContent } from "./compose";
import type { MailSetup } from "./setup";
import { createTransport } from "./transport";
import type { DiagnoseEvent } from "./types";

/**
 * The staged settings test: sends the given content to the sender's own address and yields each
 * stage as it happens, then the verdict. A consumer that stops listening does not stop the send,
 * which still ends within its transport's bound.
 */
export async function* diagnose(setup: MailSetup, content: Omit<MailContent, "to">): AsyncGenerator<DiagnoseEvent> {
  const to = setup.sender;
  const pending: DiagnoseEvent[] = [];
  let wake: (() => void) | undefined;
  const push = (event: DiagnoseEvent) => {
    pending.push(event);
    wake?.();
  };

  createTransport(setup.config)
    // verifyAccount: a sign-in kind proves its refresh token and asks who is signed in (SMTP ignores it).
    .send(composeOutgoing(setup, { ...content, to: [to] }), { onStage: (event) => push({ type: "stage", event }), verifyAccount: true })
    .then(
      ({ stages: _stages, ...result }) => push({ type: "result", result: { ...result, to } }),
      (error: unknown) => {
        // Transports report failures as results; reaching here is a bug, logged without details that could hold secrets.
        console.error("[mailroom] email settings test crashed:", error instanceof Error ? error.name : typeof error);
        push({ type: "result", result: { ok: false, to, failure: { stage: "message", code: "unknown", raw: "" } } });
      },
    );

  for (;;) {
    const event = pending.shift();
    if (!event) {
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    yield event;
    if (event.type === "result") return;
  }
}
