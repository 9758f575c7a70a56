import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMailServer, type MailServer } from "../../test/fixtures/mail-server";
import { diagnose } from "./diagnose";
import type { MailSetup } from "./setup";
import type { DiagnoseEvent } from "./types";

let server: MailServer;
beforeAll(async () => {
  server = await startMailServer();
});
afterEach(() => server.reset());
afterAll(() => server?.close());

// Self-signed port with verification off: the test needs no CA trusted by Node.
const setup = (password: string): MailSetup => ({
  config: { kind: "smtp", host: "localhost", port: server.selfSignedPort, security: "tls", username: server.user, password, skipTlsVerify: true },
  businessName: "Acme Supplies",
  sender: server.user,
  copyTo: ["archive@acme.test"],
  replyTo: [],
});
const content = { subject: "Mailroom test email", text: "It works.\n", html: "<p>It works.</p>" };

async function collect(events: AsyncIterable<DiagnoseEvent>): Promise<DiagnoseEvent[]> {
  const seen: DiagnoseEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

describe("the staged settings test", () => {
  it("yields every stage as it happens, then a verdict naming the sender's own address, which receives the test email", async () => {
    const events = await collect(diagnose(setup(server.password), content));
    const result = events.at(-1);
    expect(result).toMatchObject({ type: "result", result: { ok: true, to: server.user } });
    expect(events.slice(0, -1).every((event) => event.type === "stage")).toBe(true);
    const passed = events.flatMap((event) => (event.type === "stage" && event.event.status === "ok" ? [event.event.stage] : []));
    expect(passed).toEqual(["resolve", "connect", "tls", "greeting", "login", "envelope", "message"]);

    const [received] = await server.waitForMessages(1);
    expect(received.envelope.rcptTo.sort()).toEqual(["archive@acme.test", server.user]);
    expect(received.parsed.subject).toBe("Mailroom test email");
    expect(received.parsed.from?.value).toEqual([{ name: "Acme Supplies", address: server.user }]);
  });

  it("a wrong password ends with the diagnosis at login, without the password in it", async () => {
    const events = await collect(diagnose(setup("not-the-password"), content));
    const last = events.at(-1);
    if (last?.type !== "result" || last.result.ok) throw new Error(`expected a failed verdict, got ${JSON.stringify(last)}`);
    expect(last.result.failure).toMatchObject({ stage: "login", code: "auth_failed", responseCode: 535 });
    expect(JSON.stringify(events)).not.toContain("not-the-password");
    expect(events.filter((event) => event.type === "result")).toHaveLength(1);
    expect(server.messages).toHaveLength(0);
  });
});
