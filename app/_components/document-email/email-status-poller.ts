"use client";

import type { EmailProgress } from "@/lib/mail/queue/progress";

// One poll for every email shown on the page: components subscribe while their email is still
// on its way, and the poller stops when nobody is waiting.
type Listener = (progress: EmailProgress) => void;
const listeners = new Map<number, Set<Listener>>();
let timer: ReturnType<typeof setTimeout> | undefined;
export const POLL_MS = 1_000;

async function poll() {
  timer = undefined;
  const ids = [...listeners.keys()];
  if (!ids.length) return;
  try {
    const response = await fetch("/api/emails/status", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ids }),
      cache: "no-store",
    });
    if (response.ok) {
      const { emails } = (await response.json()) as { emails: EmailProgress[] };
      for (const progress of emails) for (const listener of listeners.get(progress.id) ?? []) listener(progress);
    }
  } catch {
    // Offline or restarting: the next poll tries again.
  }
  if (listeners.size && !timer) timer = setTimeout(poll, POLL_MS);
}

/** Calls `listener` with each fresh state of the email until the returned function is called. */
export function watchEmail(id: number, listener: Listener): () => void {
  const set = listeners.get(id) ?? new Set();
  set.add(listener);
  listeners.set(id, set);
  if (!timer) timer = setTimeout(poll, POLL_MS);
  return () => {
    set.delete(listener);
    if (!set.size) listeners.delete(id);
  };
}

/** Still on its way: worth watching. */
export const isUnderway = (status: EmailProgress["status"]) => status === "queued" || status === "sending" || status === "retrying";

/** Resolves with the email's state once its current attempt is over (sent, retrying, failed…). */
export function attemptSettled(id: number): Promise<EmailProgress> {
  return new Promise((resolve) => {
    const stop = watchEmail(id, (progress) => {
      if (progress.status === "queued" || progress.status === "sending") return;
      stop();
      resolve(progress);
    });
  });
}
