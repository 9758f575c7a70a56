import { config } from "zod";

// Mailroom's CSP forbids eval: without jitless, zod probes `new Function` when a schema is built,
// and the browser reports that probe as a policy violation even though zod catches the error.
// `config` is imported by name (not through `z`) so the bundler still drops the zod API unused.
config({ jitless: true });

export { z } from "zod";
