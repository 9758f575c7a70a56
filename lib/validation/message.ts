/**
 * Validation messages are catalog keys. One that needs values (e.g. which placeholders are
 * unknown) travels as JSON {key, params}, so schema errors keep them in the browser and on the server.
 */
export function messageWithParams(key: string, params: Record<string, string | number>): string {
  return JSON.stringify({ key, params });
}

export function parseMessage(message: string): { key: string; params?: Record<string, string | number> } {
  if (message.startsWith("{")) {
    try {
      const parsed = JSON.parse(message) as { key?: unknown; params?: Record<string, string | number> };
      if (typeof parsed.key === "string") return { key: parsed.key, params: parsed.params };
    } catch {
      // Not ours: shown as it is.
    }
  }
  return { key: message };
}
