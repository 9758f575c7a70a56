import { describe, expect, it } from "vitest";
import { readJsonBody } from "./json-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit);

describe("reading a JSON body", () => {
  it("parses JSON within the limit", async () => {
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
  });

  it("answers 400 to malformed JSON", async () => {
    expect(await readJsonBody(post("{not json"))).toEqual({ ok: false, status: 400 });
  });

  it("answers 413 to a body over the limit, declared or streamed", async () => {
    expect(await readJsonBody(post("x", { "content-length": String(2 * 1024 * 1024) }))).toEqual({ ok: false, status: 413 });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(300 * 1024).fill(32));
        controller.close();
      },
    });
    expect(await readJsonBody(post(stream))).toEqual({ ok: false, status: 413 });
  });
});
