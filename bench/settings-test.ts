// How long the email settings test (the real streaming route) takes to give its verdict when the
// server refuses, never greets, or cannot be reached. Every target is on 127.0.0.1.
import { performance } from "node:perf_hooks";
import type { DiagnoseEvent } from "@/lib/mail/types";
import { blankEmailSettings } from "@/lib/validation/email-settings";
import type { MailServer } from "../test/fixtures/mail-server";
import { freePort, type Client } from "./app-server";
import type { Report } from "./report";
import { round } from "./stats";
import { startDroppingPort } from "./unreachable";

/** Milliseconds until the result line, and the failure code it carried. */
async function timeVerdict(admin: Client, server: MailServer, port: number): Promise<{ ms: number; code: string }> {
  const start = performance.now();
  const response = await admin.fetch("/api/email-settings/test", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...blankEmailSettings, smtpHost: "127.0.0.1", smtpPort: port, smtpUsername: server.user, smtpPassword: server.password }),
  });
  if (!response.ok || !response.body) throw new Error(`settings test: HTTP ${response.status} ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) {
      const event = JSON.parse(line) as DiagnoseEvent;
      if (event.type === "result") {
        const ms = performance.now() - start;
        await reader.cancel().catch(() => {});
        return { ms, code: event.result.ok ? "ok" : event.result.failure.code };
      }
    }
  }
  throw new Error("settings test: the stream ended without a result");
}

export async function benchSettingsTest(report: Report, admin: Client, server: MailServer): Promise<void> {
  const section = "settings test verdict";
  const cases: { name: string; port: () => Promise<{ port: number; close(): void } | null>; target: number; expect: string[] }[] = [
    { name: "refused port", port: async () => ({ port: await freePort(), close() {} }), target: 1_000, expect: ["connection_refused"] },
    { name: "never greets", port: async () => ({ port: server.silentPort, close() {} }), target: 15_000, expect: ["greeting_timeout"] },
    { name: "unreachable (SYNs dropped)", port: startDroppingPort, target: 15_000, expect: ["connection_timeout"] },
  ];
  for (const c of cases) {
    const target = await c.port();
    if (!target) {
      report.notMeasured(`${section}: ${c.name}`, "python3 is not available to hold a port whose SYNs are dropped");
      continue;
    }
    try {
      const { ms, code } = await timeVerdict(admin, server, target.port);
      report.figure({ section, name: c.name, value: round(ms), unit: "ms", target: { kind: "max", value: c.target }, note: code });
      report.check(`settings test, ${c.name}: diagnosis`, c.expect.includes(code), code);
    } finally {
      target.close();
    }
  }
}
