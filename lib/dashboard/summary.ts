import "server-only";
import { getDocumentDefaults } from "@/lib/businesses/queries";
import { countContacts } from "@/lib/contacts/queries";
import { countDocuments, recentDocuments } from "@/lib/documents/queries";
import { emailCountsByStatus, listEmails, statusesNeedingAttention } from "@/lib/mail/email-log";
import { emailSettingsCompleteFor, reconnectNeededFor } from "@/lib/mail/setup";

const RECENT = 5;

/** Everything the dashboard shows, for one business: what needs attention first, then what happened last. */
export function dashboardSummary({ businessId }: { businessId: number }) {
  const emailCounts = emailCountsByStatus(businessId);
  return {
    emailReady: emailSettingsCompleteFor(businessId),
    currency: getDocumentDefaults({ businessId }).currency,
    /** The sign-in kind whose refresh failed with invalid_grant, if any. */
    reconnect: reconnectNeededFor(businessId),
    attention: {
      emails: listEmails(businessId, { statuses: statusesNeedingAttention, limit: RECENT }),
      total: emailCounts.filter(({ status }) => (statusesNeedingAttention as readonly string[]).includes(status)).reduce((sum, { count }) => sum + count, 0),
    },
    emailCounts,
    recentEmails: listEmails(businessId, { limit: RECENT }),
    recentDocuments: recentDocuments({ businessId, limit: RECENT }),
    counts: {
      customers: countContacts({ businessId, kind: "customer" }),
      suppliers: countContacts({ businessId, kind: "supplier" }),
      documents: countDocuments({ businessId }),
    },
  };
}

export type DashboardSummary = ReturnType<typeof dashboardSummary>;
