/** A `[id]` route segment: "12" → 12; anything but a plain positive integer → null (the page answers 404). */
export function parseRouteId(value: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
