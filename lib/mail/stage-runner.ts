import type { MailFailure, SendOptions, SendResult, StageEvent, StageName } from "./types";

/**
 * Keeps the stage events of one send, in order, and passes each to the listener, so the test
 * panel and the log see the same shape whatever the transport.
 */
function createStageRecorder(onStage: SendOptions["onStage"]) {
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
    current: () => current,
    begin(stage: StageName) {
      current = stage;
      startedAt = Date.now();
      emit({ stage, status: "running" });
    },
    pass: (stage: StageName = current) => emit({ stage, status: "ok", ms: elapsed() }),
    fail: (stage: StageName) => emit({ stage, status: "failed", ms: elapsed() }),
    skip: (stage: StageName) => emit({ stage, status: "skipped" }),
    /** After the verdict, late events (e.g. from a socket closing) are dropped. */
    close: () => {
      closed = true;
    },
  };
}

/** A timeout of ours, shaped like Node's so the classifiers read it like any other. */
function timeoutError(message: string): Error {
  return Object.assign(new Error(message), { code: "ETIMEDOUT" });
}

export interface StageRunner {
  /**
   * Runs one step of the send. The first stage is reported running, then passed when the step
   * ends; further stages listed are ones the same step also completes (STARTTLS inside the
   * greeting, TLS inside an HTTPS request), passed after it, in order.
   */
  step<T>(stages: StageName | readonly StageName[], work: () => Promise<T>): Promise<T>;
  /** Inside a step: the first stage is done and the next one begins (e.g. envelope → message). */
  advance(next: StageName): void;
  skip(stage: StageName): void;
  /** Rejects with a timeout when the promise takes longer than ms or than the time the send has left. */
  bounded<T>(promise: Promise<T>, ms: number, message: string): Promise<T>;
  /** Milliseconds left before the whole send gives up. */
  remaining(): number;
  /** Aborted when the whole send gives up: a request given it does not outlive the send. */
  signal: AbortSignal;
}

export interface StageRunOptions {
  /** The whole send never takes longer than this (ms). */
  total: number;
  onStage?: SendOptions["onStage"];
  /** Error → diagnosis, told which stage was running; the transport's one classifier. */
  diagnose: (error: unknown, stage: StageName) => MailFailure;
  /** Releases sockets; told whether the send succeeded (then a polite goodbye may still be under way). */
  cleanup?: (ok: boolean) => void;
}

/**
 * Runs a send as named stages: each reported as it starts and ends, each bounded, the whole
 * bounded by `total`, and any error turned into one diagnosis at the stage it happened in.
 * `send` returns the message id.
 */
export async function runStages(options: StageRunOptions, send: (runner: StageRunner) => Promise<string>): Promise<SendResult> {
  const recorder = createStageRecorder(options.onStage);
  const startedAt = Date.now();
  const remaining = () => startedAt + options.total - Date.now();
  const aborter = new AbortController();
  // Stages the running step will complete after its first, passed in order when it ends.
  let alsoCompletes: readonly StageName[] = [];

  const runner: StageRunner = {
    async step(stages, work) {
      const [first, ...rest] = typeof stages === "string" ? [stages] : stages;
      recorder.begin(first);
      alsoCompletes = rest;
      const result = await work();
      recorder.pass();
      for (const stage of rest) recorder.pass(stage);
      alsoCompletes = [];
      return result;
    },
    advance(next) {
      recorder.pass();
      recorder.begin(next);
    },
    skip: (stage) => recorder.skip(stage),
    bounded(promise, ms, message) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(timeoutError(message)), Math.max(1, Math.min(ms, remaining())));
        promise.then(
          (value) => (clearTimeout(timer), resolve(value)),
          (error: unknown) => (clearTimeout(timer), reject(error)),
        );
      });
    },
    remaining,
    signal: aborter.signal,
  };

  let deadlineTimer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    deadlineTimer = setTimeout(() => {
      const error = timeoutError(`Gave up after ${options.total / 1000} s`);
      reject(error);
      aborter.abort(error);
    }, options.total);
  });
  try {
    const messageId = await Promise.race([send(runner), deadline]);
    recorder.close();
    options.cleanup?.(true);
    return { ok: true, messageId, stages: recorder.stages };
  } catch (error) {
    options.cleanup?.(false);
    const failure = options.diagnose(error, recorder.current());
    // A failure in a later stage of the same step means the running stage itself got through.
    const completed = alsoCompletes.indexOf(failure.stage);
    if (completed >= 0) for (const stage of [recorder.current(), ...alsoCompletes.slice(0, completed)]) recorder.pass(stage);
    recorder.fail(failure.stage);
    recorder.close();
    return { ok: false, failure, stages: recorder.stages };
  } finally {
    clearTimeout(deadlineTimer);
  }
}
