import "server-only";
import type { z } from "zod";
import { fieldErrorsOf, type ActionResult } from "@/lib/validation/action-result";
import { isAdmin } from "./roles";
import { currentUser, type CurrentUser } from "./session";

type Handler<S extends z.ZodType, R> = (input: z.output<S>, user: CurrentUser) => Promise<ActionResult<R>>;

/**
 * Server actions are public POST endpoints: each one loads the user itself, checks the role,
 * parses its input with the same schema the form uses, and only then does its one thing.
 */
type SchemaFor<S> = S | ((user: CurrentUser) => S);

function guarded<S extends z.ZodType, R>(role: "admin" | "any", schema: SchemaFor<S>, handler: Handler<S, R>) {
  return async (input: unknown): Promise<ActionResult<R>> => {
    const user = await currentUser();
    if (!user) return { ok: false, error: "unauthorized" };
    if (role === "admin" && !isAdmin(user)) return { ok: false, error: "forbidden" };
    // Some schemas depend on stored state (e.g. "is a password already saved?").
    const parsed = (typeof schema === "function" ? schema(user) : schema).safeParse(input);
    if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
    return handler(parsed.data, user);
  };
}

export function userAction<S extends z.ZodType, R>(schema: SchemaFor<S>, handler: Handler<S, R>) {
  return guarded("any", schema, handler);
}

export function adminAction<S extends z.ZodType, R>(schema: SchemaFor<S>, handler: Handler<S, R>) {
  return guarded("admin", schema, handler);
}
