import { describe, expect, it } from "vitest";
import { failureForViewer, outcomeForViewer } from "./failure-for-viewer";
import type { MailFailure } from "./types";

const failure = { stage: "login", code: "auth_failed", raw: "535 5.7.8 relay-7.corp.example says no" } as MailFailure;

describe("what a viewer sees of a failure", () => {
  it("gives admins the server's own text and staff none of it", () => {
    expect(failureForViewer(failure, "admin").raw).toBe(failure.raw);
    expect(failureForViewer(failure, "staff")).toMatchObject({ code: "auth_failed", raw: "" });
  });

  it("applies to outcomes and progress alike, and leaves those without a failure as they are", () => {
    expect(outcomeForViewer({ status: "failed", emailId: 1, failure }, "staff").failure.raw).toBe("");
    expect(outcomeForViewer({ status: "retrying", id: 1, failure }, "staff").failure.raw).toBe("");
    const sent = { status: "sent", id: 2, failure: null };
    expect(outcomeForViewer(sent, "staff")).toBe(sent);
  });
});
