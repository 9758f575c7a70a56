import "server-only";
import type { z } from "zod";
import { readJsonBody } from "@/lib/http/json-body";
import { fieldErrorsOf } from "@/lib/validation/action-result";
import { isAdmin } from "./roles";
import { currentUser, type CurrentUser } from "./session";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type SchemaFor<S> = S | ((user: CurrentUser) => S);

/** Route handlers do not get the Origin check Next.js gives server actions: refuse another site's Origin (when the browser sends one). */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** JSON endpoints accept only JSON: a cross-site HTML form cannot send it without a preflight. */
function isJsonRequest(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
}

/** A JSON answer that no cache keeps. */
export const jsonResponse = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The one guard for JSON route handlers (they get none of the checks Next.js gives server
 * actions): session, role, same origin, JSON content type, a body of at most 1 MB, then the
 * schema, in that order. The
 * route's own parameters (e.g. [documentId]) join the body before parsing, and win over it.
 */
export function jsonRoute<S extends z.ZodType>(
  { role, schema }: { role: "admin" | "any"; schema: SchemaFor<S> },
  handler: (input: z.output<S>, user: CurrentUser, request: Request) => Promise<Response>,
) {
  return async (request: Request, context?: RouteContext): Promise<Response> => {
    const user = await currentUser();
    if (!user) return jsonResponse(401, { error: "unauthorized" });
    if (role === "admin" && !isAdmin(user)) return jsonResponse(403, { error: "forbidden" });
    if (!sameOrigin(request)) return jsonResponse(403, { error: "forbidden" });
    if (!isJsonRequest(request)) return jsonResponse(415, { error: "invalid" });
    const read = await readJsonBody(request);
    if (!read.ok) return jsonResponse(read.status, { error: "invalid" });
    const body = read.value;
    const input = body && typeof body === "object" ? { ...body, ...(await context?.params) } : body;
    // Some schemas depend on stored state (e.g. "is a password already saved?").
    const parsed = (typeof schema === "function" ? schema(user) : schema).safeParse(input);
    if (!parsed.success) return jsonResponse(400, { error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) });
    return handler(parsed.data, user, request);
  };
}
