import { describe, expect, it } from "vitest";
import { hasRemoteImages } from "./remote-images";

describe("hasRemoteImages", () => {
  it("finds images from other hosts, whatever the quoting or scheme", () => {
    expect(hasRemoteImages('<p><img src="https://tracker.test/p.gif" alt=""></p>')).toBe(true);
    expect(hasRemoteImages("<img alt=x src=http://tracker.test/p.gif>")).toBe(true);
    expect(hasRemoteImages("<IMG SRC='//tracker.test/p.gif'>")).toBe(true);
    expect(hasRemoteImages('<td style="background:url(https://tracker.test/bg.png)">')).toBe(true);
  });

  it("ignores embedded images and links that are not images", () => {
    expect(hasRemoteImages('<img src="data:image/png;base64,AAAA">')).toBe(false);
    expect(hasRemoteImages('<a href="https://acme.test">site</a> <p>https://acme.test/logo.png</p>')).toBe(false);
  });
});
