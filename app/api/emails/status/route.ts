import { z } from "zod";
import { jsonResponse, jsonRoute } from "@/lib/auth/json-route";
import { outcomeForViewer } from "@/lib/mail/failure-for-viewer";
import { emailProgress } from "@/lib/mail/queue/progress";

const statusRequestSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) });

/** The live status of the emails a page shows (this business's only); polled while any is on its way. */
export const POST = jsonRoute({ role: "any", schema: statusRequestSchema }, async ({ ids }, user) =>
  jsonResponse(200, { emails: emailProgress(user.businessId, ids).map((progress) => outcomeForViewer(progress, user.role)) }),
);
