import "server-only";
import { createGmailTransport } from "./gmail-transport";
import { createGraphTransport } from "./graph-transport";
import { createHttpRelayTransport } from "./http-relay-transport";
import { createSmtpTransport } from "./smtp-transport";
import type { Transport, TransportConfig } from "./types";

/** The one way to get a Transport for stored or unsaved settings; a new kind is one file and one case here. */
export function createTransport(config: TransportConfig): Transport {
  switch (config.kind) {
    case "smtp":
      return createSmtpTransport(config);
    case "http":
      return createHttpRelayTransport(config);
    case "microsoft":
      return createGraphTransport(config);
    case "google":
      return createGmailTransport(config);
  }
}
