// Mailroom's CSP forbids eval: without jitless, zod probes `new Function` when it builds a schema,
// and the browser reports that probe as a policy violation even though zod catches the error.
// zod keeps its settings on globalThis, so this needs no import of zod (an import here cost the
// schema pages zod's whole API in the browser). Schema modules import this file first.
const zodSettings = globalThis as { __zod_globalConfig?: Record<string, unknown> };
Object.assign((zodSettings.__zod_globalConfig ??= {}), { jitless: true });

export {};
