import "server-only";
import dns from "node:dns";
import net from "node:net";
import { Readable } from "node:stream";
import tls from "node:tls";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { classifySmtpError, DiagnosedError, isCertificateError, looksLikeNotTls, smtpSecrets } from "./explain";
import { buildMimeMessage, type MimeMessage } from "./mime";
import { runStages, type StageRunner } from "./stage-runner";
import type { OutgoingMessage, SendOptions, SendResult, SmtpConfig, Transport } from "./types";

/** Per-stage bounds in ms; the whole send never exceeds `total`. */
export const SMTP_LIMITS = {
  total: 15_000,
  resolve: 5_000,
  connect: 5_000,
  tls: 5_000,
  greeting: 5_000,
  socket: 10_000,
  probe: 2_000,
} as const;

export type SmtpLimits = { [K in keyof typeof SMTP_LIMITS]: number };

function openTcp(address: string, port: number, track: (socket: net.Socket) => void): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port });
    track(socket);
    socket.once("connect", () => {
      socket.removeAllListeners("error");
      resolve(socket);
    });
    socket.once("error", (error) => {
      socket.destroy();
      reject(error);
    });
  });
}

function handshake(socket: net.Socket, config: SmtpConfig, track: (socket: net.Socket) => void): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({
      socket,
      host: config.host,
      servername: net.isIP(config.host) ? undefined : config.host,
      rejectUnauthorized: !config.skipTlsVerify,
    });
    track(secure);
    secure.once("secureConnect", () => {
      secure.removeAllListeners("error");
      resolve(secure);
    });
    secure.once("error", (error) => {
      secure.destroy();
      reject(error);
    });
  });
}

/** Does a plaintext SMTP server answer "220" on this port? (Tells "SSL/TLS chosen, server wants STARTTLS".) */
function probeSmtpGreeting(address: string, port: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    let received = "";
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), ms);
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (received.includes("\n") || received.length > 512) done(/^220[ -]/.test(received));
    });
    socket.on("error", () => done(false));
    socket.on("close", () => done(/^220[ -]/.test(received)));
  });
}

/** Does a TLS server answer a handshake on this port? (Tells "STARTTLS/None chosen, port speaks implicit TLS".) */
function probeTlsServer(address: string, port: number, servername: string | undefined, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: address, port, servername, rejectUnauthorized: false });
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), ms);
    socket.once("secureConnect", () => done(true));
    socket.on("error", () => done(false));
  });
}

/** Runs one nodemailer operation, failing on its callback error, an 'error' event or the connection ending. */
function smtpStep(connection: SMTPConnection, start: (callback: (error?: Error | null) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error | null) => {
      connection.off("error", finish);
      connection.off("end", onEnd);
      if (error) reject(error);
      else resolve();
    };
    const onEnd = () => finish(Object.assign(new Error("Connection closed unexpectedly"), { code: "ECONNECTION" }));
    connection.on("error", finish);
    connection.once("end", onEnd);
    start((error) => finish(error ?? null));
  });
}

/** One send's connection state, shared by its stages and released by cleanup. */
interface SmtpSession {
  config: SmtpConfig;
  limits: SmtpLimits;
  servername: string | undefined;
  runner: StageRunner;
  sockets: Set<net.Socket>;
  connection?: SMTPConnection;
}

function track(session: SmtpSession, socket: net.Socket): void {
  session.sockets.add(socket);
  socket.once("close", () => session.sockets.delete(socket));
}

function closeAll(session: SmtpSession): void {
  session.connection?.close();
  for (const socket of session.sockets) socket.destroy();
}

async function resolveHost({ config, limits, runner }: SmtpSession): Promise<string[]> {
  if (net.isIP(config.host)) return [config.host];
  const entries = await runner.bounded(dns.promises.lookup(config.host, { all: true, order: "ipv4first" }), limits.resolve, `DNS lookup of ${config.host} timed out`);
  if (!entries.length) throw Object.assign(new Error(`No address for ${config.host}`), { code: "ENOTFOUND" });
  return entries.map((entry) => entry.address);
}

/** Tries up to three addresses in turn; a timeout ends the stage (the next address would wait as long). */
async function connect(session: SmtpSession, addresses: string[]): Promise<{ socket: net.Socket; address: string }> {
  const { config, limits, runner } = session;
  const connectBy = Date.now() + limits.connect;
  let lastError: unknown;
  for (const address of addresses.slice(0, 3)) {
    try {
      const socket = await runner.bounded(openTcp(address, config.port, (socket) => track(session, socket)), connectBy - Date.now(), `Connecting to ${config.host}:${config.port} timed out`);
      return { socket, address };
    } catch (error) {
      lastError = error;
      if ((error as { code?: string }).code === "ETIMEDOUT") break;
    }
  }
  throw lastError;
}

/** Implicit TLS; a port that answers in plaintext instead means STARTTLS was wanted. */
async function secure(session: SmtpSession, socket: net.Socket, address: string): Promise<net.Socket> {
  const { config, limits, runner } = session;
  try {
    return await runner.bounded(handshake(socket, config, (secured) => track(session, secured)), limits.tls, "TLS handshake timed out");
  } catch (error) {
    if (!isCertificateError(error) && (looksLikeNotTls(error) || (error as { code?: string }).code === "ETIMEDOUT")) {
      socket.destroy();
      if (await probeSmtpGreeting(address, config.port, Math.min(limits.probe, runner.remaining()))) {
        throw new DiagnosedError("tls", "wrong_tls_mode_use_starttls", error);
      }
    }
    throw error;
  }
}

/** Greeting and EHLO (and STARTTLS when chosen); a port that never greets may be speaking implicit TLS. */
async function greet(session: SmtpSession, channel: net.Socket, address: string): Promise<SMTPConnection> {
  const { config, limits, runner, servername } = session;
  const smtp = new SMTPConnection({
    host: config.host,
    port: config.port,
    connection: channel,
    secure: config.security === "tls",
    secured: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: config.security === "none",
    tls: { rejectUnauthorized: !config.skipTlsVerify, servername },
    connectionTimeout: limits.greeting,
    greetingTimeout: limits.greeting,
    socketTimeout: limits.socket,
    socketCloseTimeout: 1_000,
    logger: false,
    debug: false,
  });
  session.connection = smtp;
  // Errors are handled per step; this keeps a late one from becoming an unhandled 'error' event.
  smtp.on("error", () => {});
  try {
    await runner.bounded(smtpStep(smtp, (callback) => smtp.connect(callback)), limits.greeting + limits.tls, "Greeting never received");
  } catch (error) {
    const neverGreeted = classifySmtpError(error, { stage: "greeting", host: config.host, port: config.port, security: config.security }).code === "greeting_timeout";
    if (neverGreeted && config.security !== "tls") {
      closeAll(session);
      if (await probeTlsServer(address, config.port, servername, Math.min(limits.probe, runner.remaining()))) {
        throw new DiagnosedError("greeting", "wrong_tls_mode_use_tls", error);
      }
    }
    throw error;
  }
  return smtp;
}

async function login({ config, limits, runner }: SmtpSession, smtp: SMTPConnection): Promise<void> {
  if (!smtp.allowsAuth) {
    const ehlo = typeof smtp.lastServerResponse === "string" ? smtp.lastServerResponse : "";
    const offersStarttls = /[ -]STARTTLS\b/im.test(ehlo);
    const code = config.security === "none" && offersStarttls ? "wrong_tls_mode_use_starttls" : "auth_unsupported";
    throw new DiagnosedError("login", code, new Error(`The server did not offer AUTH after EHLO: ${ehlo}`));
  }
  await runner.bounded(smtpStep(smtp, (callback) => smtp.login({ user: config.username, pass: config.password }, callback)), limits.socket, "Login timed out");
}

/** MAIL FROM and RCPT TO (the envelope stage), then DATA (the message stage). */
async function transmit({ limits, runner }: SmtpSession, smtp: SMTPConnection, mime: MimeMessage): Promise<void> {
  let bodySent = false;
  // nodemailer reads the message only after DATA got its 354, which is when the envelope is accepted.
  const body = new Readable({
    read() {
      if (bodySent) return;
      bodySent = true;
      runner.advance("message");
      this.push(mime.raw);
      this.push(null);
    },
  });
  await runner.bounded(
    smtpStep(smtp, (callback) => smtp.send({ from: mime.envelope.from, to: mime.envelope.to }, body, (error) => callback(error))),
    limits.socket,
    "The server did not answer in time",
  );
  smtp.quit();
}

/** SMTP transport: resolve → connect → tls → greeting → login → envelope → message, each bounded and reported. */
export function createSmtpTransport(config: SmtpConfig, limits: SmtpLimits = SMTP_LIMITS): Transport {
  const secrets = smtpSecrets(config.username, config.password);
  const servername = net.isIP(config.host) ? undefined : config.host;

  return {
    send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendResult> {
      let session: SmtpSession | undefined;
      // Whatever the send opened, closed whichever way it ends.
      const release = () => session && closeAll(session);
      return runStages(
        {
          total: limits.total,
          onStage: options.onStage,
          diagnose: (error, stage) => classifySmtpError(error, { stage, host: config.host, port: config.port, security: config.security, secrets }),
          // After success, give QUIT a moment, then make sure nothing is left open.
          cleanup: (ok) => (ok ? setTimeout(release, 1_000).unref() : release()),
        },
        async (runner) => {
          const open: SmtpSession = (session = { config, limits, servername, runner, sockets: new Set() });
          const mime = await buildMimeMessage(message).catch((error: unknown) => {
            throw new DiagnosedError("message", "unknown", error);
          });
          const addresses = await runner.step("resolve", () => resolveHost(open));
          const { socket, address } = await runner.step("connect", () => connect(open, addresses));
          let channel: net.Socket = socket;
          if (config.security === "tls") channel = await runner.step("tls", () => secure(open, socket, address));
          if (config.security === "none") runner.skip("tls");
          // With STARTTLS, the TLS stage happens inside the greeting.
          const smtp = await runner.step(config.security === "starttls" ? ["greeting", "tls"] : "greeting", () => greet(open, channel, address));
          await runner.step("login", () => login(open, smtp));
          await runner.step("envelope", () => transmit(open, smtp, mime));
          return mime.messageId;
        },
      );
    },
  };
}
