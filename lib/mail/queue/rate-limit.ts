// Per-business sending rate: at most `perMinute` sends in any 60 s, by the worker's clock.
export const RATE_WINDOW_MS = 60_000;

export interface RateLimiter {
  /** How many more sends may start at `now`; Infinity when unlimited. */
  available(key: number, perMinute: number | null, now: number): number;
  record(key: number, now: number): void;
  /** When the next send may start, for a key with none available now. */
  nextSlotAt(key: number, now: number): number;
}

export function createRateLimiter(): RateLimiter {
  const starts = new Map<number, number[]>();
  const recent = (key: number, now: number) => {
    const list = (starts.get(key) ?? []).filter((at) => at > now - RATE_WINDOW_MS);
    starts.set(key, list);
    return list;
  };
  return {
    available(key, perMinute, now) {
      if (!perMinute) return Infinity;
      return Math.max(0, perMinute - recent(key, now).length);
    },
    record(key, now) {
      // Only the last minute is kept: a business sending for weeks does not grow the list.
      starts.set(key, [...recent(key, now), now]);
    },
    nextSlotAt(key, now) {
      const list = recent(key, now);
      return list.length ? list[0] + RATE_WINDOW_MS : now;
    },
  };
}
