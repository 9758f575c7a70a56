import { z } from "zod";

// Mailroom's CSP forbids eval: without jitless, zod probes `new Function` when a schema is built,
// and the browser reports that probe as a policy violation even though zod catches the error.
z.config({ jitless: true });

export { z };
