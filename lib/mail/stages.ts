import type { SendOptions, StageEvent, StageName } from "./types";

/**
 * Keeps the stage events of one send, in order, and passes each to the listener. Both transports
 * report their progress through it, so the test panel and the log see the same shape.
 */
export function createStageRecorder(onStage: SendOptions["onStage"]) {
  const stages: StageEvent[] = [];
  let current: StageName = "resolve";
  let startedAt = Date.now();
  let closed = false;

  const emit = (event: StageEvent) => {
    if (closed) return;
    stages.push(event);
    try {
      onStage?.(event);
    } catch {
      // A listener that throws must not break the send.
    }
  };
  const elapsed = () => Date.now() - startedAt;

  return {
    stages,
    /** The stage that began last. */
    current: () => current,
    begin(stage: StageName) {
      current = stage;
      startedAt = Date.now();
      emit({ stage, status: "running" });
    },
    pass: (stage: StageName = current) => emit({ stage, status: "ok", ms: elapsed() }),
    fail: (stage: StageName = current) => emit({ stage, status: "failed", ms: elapsed() }),
    skip: (stage: StageName) => emit({ stage, status: "skipped" }),
    /** After the verdict, late events (e.g. from a socket closing) are dropped. */
    close: () => {
      closed = true;
    },
  };
}
