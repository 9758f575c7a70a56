"use client";

import { useCallback, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { LazyDiagnosisReport } from "@/app/_components/lazy-diagnosis-report";
import type { MailFailure, SmtpSecurity, StageEvent, StageName } from "@/lib/mail/types";
import type { EmailSettingsInput } from "@/lib/validation/email-settings";
import type { DiagnoseEvent } from "@/lib/mail/types";

const SMTP_STAGES: StageName[] = ["resolve", "connect", "tls", "greeting", "login", "envelope", "message"];
const HTTP_STAGES: StageName[] = ["resolve", "connect", "tls", "message"];
const SIGN_IN_STAGES: StageName[] = ["token", "account", "message"];

type StageStatus = StageEvent["status"] | "pending" | "notRun";

interface TestState {
  running: boolean;
  stages: Partial<Record<StageName, { status: StageStatus; ms?: number }>>;
  current?: StageName;
  outcome?: { ok: true; to: string } | { ok: false; failure: MailFailure } | { ok: false; unreachable: true };
}

/** Runs the settings test against the route handler and follows its stream of stage events. */
export function useSettingsTest() {
  const [state, setState] = useState<TestState>({ running: false, stages: {} });
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(async (values: EmailSettingsInput): Promise<{ fieldErrors?: Record<string, string> } | void> => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ running: true, stages: {} });
    // The server bounds the test at 15 s; this only guards against a lost connection.
    const timer = setTimeout(() => abort.abort(), 30_000);
    try {
      const response = await fetch("/api/email-settings/test", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(values),
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => ({}));
        // Fields the schema refused: the test never started, the form shows why next to them.
        setState({ running: false, stages: {}, outcome: body.fieldErrors ? undefined : { ok: false, unreachable: true } });
        return { fieldErrors: body.fieldErrors };
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line) as DiagnoseEvent;
          if (event.type === "stage") {
            const { stage, status, ms } = event.event;
            setState((s) => ({ ...s, current: stage, stages: { ...s.stages, [stage]: { status, ms } } }));
          } else {
            const { result } = event;
            setState((s) => ({
              ...s,
              running: false,
              outcome: result.ok ? { ok: true, to: result.to } : { ok: false, failure: result.failure },
            }));
          }
        }
      }
    } catch {
      setState((s) => ({ ...s, running: false, outcome: { ok: false, unreachable: true } }));
    } finally {
      clearTimeout(timer);
      setState((s) => (s.running ? { ...s, running: false, outcome: s.outcome ?? { ok: false, unreachable: true } } : s));
    }
  }, []);

  return { state, run };
}

const ICONS: Record<StageStatus, string> = { pending: "·", notRun: "·", running: "…", ok: "✓", failed: "✗", skipped: "–" };

export function TestPanel({
  state,
  protocol,
  host,
  port,
  onApplyFix,
}: {
  state: TestState;
  protocol: EmailSettingsInput["protocol"];
  host?: string;
  port?: number;
  onApplyFix: (fix: { security: SmtpSecurity; port?: number }) => void;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const started = state.running || state.outcome;
  const order = protocol === "http" ? HTTP_STAGES : protocol === "smtp" ? SMTP_STAGES : SIGN_IN_STAGES;
  const outcome = state.outcome;
  return (
    <section aria-label={t("emailSettings.test.stagesLabel")}>
      {started ? (
        <ol className="stages">
          {order.map((stage) => {
            const entry = state.stages[stage];
            // Once the test is over, a stage it never reached says so rather than "waiting".
            const status: StageStatus = entry?.status ?? (state.running ? "pending" : "notRun");
            return (
              <li key={stage} className={`stage-${status}`} data-stage={stage} data-status={status}>
                <span className="stage-icon" aria-hidden="true">
                  {ICONS[status]}
                </span>
                <span>
                  {t(`diagnosis.stages.${stage}`)}: {t(`emailSettings.test.stageStatus.${status}`)}
                </span>
                {entry?.ms !== undefined && status !== "running" ? <span className="stage-ms">{format.number(entry.ms, { style: "unit", unit: "millisecond", unitDisplay: "short" })}</span> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      <div role="status">
        {state.running ? (
          <p>{t("emailSettings.test.progress", { stage: t(`diagnosis.stages.${state.current ?? "resolve"}`) })}</p>
        ) : outcome?.ok ? (
          <p className="notice ok">{t("emailSettings.test.success", { to: outcome.to })}</p>
        ) : null}
      </div>
      <div role="alert">
        {outcome && !outcome.ok ? (
          <div className="notice error">
            <p>
              <strong>{t("emailSettings.test.failed")}</strong>
            </p>
            {"failure" in outcome ? (
              <LazyDiagnosisReport failure={outcome.failure} host={host} port={port} onApplyFix={onApplyFix} />
            ) : (
              <p>{t("emailSettings.test.unreachable")}</p>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
