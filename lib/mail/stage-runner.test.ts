import { describe, expect, it } from "vitest";
import { runStages } from "./stage-runner";
import type { MailFailure, StageEvent, StageName } from "./types";

// A transport-agnostic diagnosis: the code says which stage the error was seen in.
const diagnose = (error: unknown, stage: StageName): MailFailure => ({
  stage: (error as { stage?: StageName }).stage ?? stage,
  code: (error as { code?: string }).code === "ETIMEDOUT" ? "timeout" : "unknown",
  raw: String((error as Error).message),
});
const failAt = (stage: StageName) => Object.assign(new Error(`broke in ${stage}`), { stage });
const finished = (events: StageEvent[]) => events.filter((event) => event.status !== "running").map((event) => `${event.stage}:${event.status}`);

describe("the stage runner every transport is built on", () => {
  it("reports each step running then passed, in order, and returns the message id", async () => {
    const events: StageEvent[] = [];
    const result = await runStages({ total: 1_000, diagnose, onStage: (event) => events.push(event) }, async (runner) => {
      await runner.step("resolve", async () => undefined);
      await runner.step(["connect", "tls"], async () => undefined);
      await runner.step("envelope", async () => runner.advance("message"));
      return "<id@test>";
    });
    expect(result).toMatchObject({ ok: true, messageId: "<id@test>" });
    expect(events).toEqual(result.stages);
    expect(events.map((event) => `${event.stage}:${event.status}`)).toEqual([
      "resolve:running", "resolve:ok", "connect:running", "connect:ok", "tls:ok", "envelope:running", "envelope:ok", "message:running", "message:ok",
    ]);
  });

  it("a failure in a later stage of the same step passes the running stage first", async () => {
    const result = await runStages({ total: 1_000, diagnose }, async (runner) => {
      await runner.step(["greeting", "tls"], async () => {
        throw failAt("tls");
      });
      return "never";
    });
    expect(result.ok).toBe(false);
    expect(finished(result.stages)).toEqual(["greeting:ok", "tls:failed"]);
  });

  it("a failure in the running stage fails only that stage, and later steps never start", async () => {
    let reachedLogin = false;
    const result = await runStages({ total: 1_000, diagnose }, async (runner) => {
      await runner.step("connect", async () => {
        throw new Error("refused");
      });
      reachedLogin = true;
      return "never";
    });
    expect(result.ok ? null : result.failure).toMatchObject({ stage: "connect", code: "unknown", raw: "refused" });
    expect(finished(result.stages)).toEqual(["connect:failed"]);
    expect(reachedLogin).toBe(false);
  });

  it("a bound shorter than the work times the step out, and the whole send gives up at its total", async () => {
    const bounded = await runStages({ total: 1_000, diagnose }, async (runner) => {
      await runner.step("greeting", () => runner.bounded(new Promise(() => {}), 50, "no greeting"));
      return "never";
    });
    expect(bounded.ok ? null : bounded.failure).toMatchObject({ stage: "greeting", code: "timeout", raw: "no greeting" });

    const started = Date.now();
    const cleanups: boolean[] = [];
    let signal: AbortSignal | undefined;
    const gaveUp = await runStages({ total: 100, diagnose, cleanup: (ok) => cleanups.push(ok) }, async (runner) => {
      signal = runner.signal;
      await runner.step("login", () => new Promise(() => {}));
      return "never";
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(gaveUp.ok ? null : gaveUp.failure).toMatchObject({ stage: "login", code: "timeout" });
    expect(cleanups).toEqual([false]);
    // A request given the send's signal is aborted with it.
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toMatchObject({ code: "ETIMEDOUT" });
  });

  it("a listener that throws does not break the send, and events after the verdict are dropped", async () => {
    let late: (() => void) | undefined;
    const result = await runStages(
      {
        total: 1_000,
        diagnose,
        onStage: () => {
          throw new Error("listener bug");
        },
      },
      async (runner) => {
        await runner.step("resolve", async () => undefined);
        late = () => runner.skip("tls");
        return "<id@test>";
      },
    );
    expect(result.ok).toBe(true);
    late?.();
    expect(finished(result.stages)).toEqual(["resolve:ok"]);
  });
});
