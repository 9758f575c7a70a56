import "server-only";
import { createHttpRelayTransport } from "./http-relay-transport";
import { createSmtpTransport } from "./smtp-transport";
import type { Transport, TransportConfig } from "./types";

/** The one way to get a Transport for stored or unsaved settings. */
export function createTransport(config: TransportConfig): Transport {
  switch (config.protocol) {
    case "smtp":
      return createSmtpTransport(config);
    case "http":
      return createHttpRelayTransport(config);
  }
}
