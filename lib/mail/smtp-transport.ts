import "server-only";
import dns from "node:dns";
import net from "node:net";
import { Readable } from "node:stream";
import tls from "node:tls";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { buildMimeMessage } from "./mime";
import type { MimeMessage } from "./mime";
import { classifySmtpError, looksLikeNotTls, redactSecrets, smtpSecrets } from "./explain";
import { providerForHost } from "./providers";
import { createStageRecorder } from "./stages";
import type { MailFailure, OutgoingMessage, SendOptions, SendResult, SmtpConfig, StageName, Transport } from "./types";

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

const TIMEOUT_TYPES: Partial<Record<StageName, string>> = {
  connect: "CONNECT_TIMEOUT",
  tls: "UPGRADE_TIMEOUT",
  greeting: "GREETING_TIMEOUT",
};

function timeoutError(stage: StageName, message: string): Error {
  return Object.assign(new Error(message), { code: "ETIMEDOUT", timeoutType: stage === "tls" ? undefined : TIMEOUT_TYPES[stage] ?? "SOCKET_TIMEOUT" });
}

/** Rejects (and runs onTimeout) when the promise is not settled within ms. */
function within<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

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

class StageFailure extends Error {
  constructor(readonly failure: MailFailure) {
    super(failure.code);
  }
}

/** SMTP transport that runs resolve → connect → tls → greeting → login → envelope → message, each bounded and reported. */
export function createSmtpTransport(config: SmtpConfig, limits: SmtpLimits = SMTP_LIMITS): Transport {
  const secrets = smtpSecrets(config.username, config.password);
  const servername = net.isIP(config.host) ? undefined : config.host;

  return {
    async send(message: OutgoingMessage, options: SendOptions = {}): Promise<SendResult> {
      const startedAt = Date.now();
      const sockets = new Set<net.Socket>();
      const track = (socket: net.Socket) => {
        sockets.add(socket);
        socket.once("close", () => sockets.delete(socket));
      };
      let connection: SMTPConnection | undefined;
      const recorder = createStageRecorder(options.onStage);
      const { stages, begin, pass } = recorder;
      const context = () => ({ stage: recorder.current(), host: config.host, port: config.port, security: config.security, secrets });
      const fail = (error: unknown): never => {
        throw error instanceof StageFailure ? error : new StageFailure(classifySmtpError(error, context()));
      };
      const remaining = () => startedAt + limits.total - Date.now();
      const bounded = <T>(promise: Promise<T>, ms: number, message: string) =>
        within(promise, Math.max(1, Math.min(ms, remaining())), () => timeoutError(recorder.current(), message));
      const closeAll = () => {
        connection?.close();
        for (const socket of sockets) socket.destroy();
      };

      const run = async (mime: MimeMessage): Promise<SendResult> => {
        begin("resolve");
        let addresses: string[];
        try {
          addresses = net.isIP(config.host)
            ? [config.host]
            : (await bounded(dns.promises.lookup(config.host, { all: true, order: "ipv4first" }), limits.resolve, `DNS lookup of ${config.host} timed out`)).map(
                (entry) => entry.address,
              );
          if (!addresses.length) throw Object.assign(new Error(`No address for ${config.host}`), { code: "ENOTFOUND" });
        } catch (error) {
          return fail(error);
        }
        pass();

        begin("connect");
        const connectBy = Date.now() + limits.connect;
        let socket: net.Socket | undefined;
        let address = addresses[0];
        let lastError: unknown;
        for (const candidate of addresses.slice(0, 3)) {
          try {
            address = candidate;
            socket = await bounded(openTcp(candidate, config.port, track), connectBy - Date.now(), `Connecting to ${config.host}:${config.port} timed out`);
            break;
          } catch (error) {
            lastError = error;
            if ((error as { code?: string }).code === "ETIMEDOUT") break;
          }
        }
        if (!socket) return fail(lastError);
        pass();

        let channel: net.Socket = socket;
        if (config.security === "tls") {
          begin("tls");
          try {
            channel = await bounded(handshake(socket, config, track), limits.tls, "TLS handshake timed out");
          } catch (error) {
            const failure = classifySmtpError(error, context());
            const certificateProblem = failure.code.startsWith("cert_");
            if (!certificateProblem && (looksLikeNotTls(error) || (error as { code?: string }).code === "ETIMEDOUT")) {
              socket.destroy();
              if (await probeSmtpGreeting(address, config.port, Math.min(limits.probe, remaining()))) {
                throw new StageFailure({ ...failure, stage: "tls", code: "wrong_tls_mode_use_starttls", fix: { security: "starttls" } });
              }
            }
            throw new StageFailure(failure);
          }
          pass();
        } else if (config.security === "none") {
          recorder.skip("tls");
        }

        begin("greeting");
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
        connection = smtp;
        // Errors are handled per step; this keeps a late one from becoming an unhandled 'error' event.
        smtp.on("error", () => {});
        try {
          await bounded(smtpStep(smtp, (callback) => smtp.connect(callback)), limits.greeting + limits.tls, "Greeting never received");
        } catch (error) {
          const failure = classifySmtpError(error, context());
          if (failure.code === "greeting_timeout" && config.security !== "tls") {
            closeAll();
            if (await probeTlsServer(address, config.port, servername, Math.min(limits.probe, remaining()))) {
              throw new StageFailure({ ...failure, stage: "greeting", code: "wrong_tls_mode_use_tls", fix: { security: "tls" } });
            }
          }
          if (failure.stage === "tls") pass("greeting");
          throw new StageFailure(failure);
        }
        pass();
        // STARTTLS happened inside the greeting stage.
        if (config.security === "starttls") pass("tls");

        begin("login");
        if (!smtp.allowsAuth) {
          const ehlo = typeof smtp.lastServerResponse === "string" ? smtp.lastServerResponse : "";
          const offersStarttls = /[ -]STARTTLS\b/im.test(ehlo);
          const code = config.security === "none" && offersStarttls ? "wrong_tls_mode_use_starttls" : "auth_unsupported";
          const guide = providerForHost(config.host)?.slug;
          throw new StageFailure({
            stage: "login",
            code,
            raw: redactSecrets(`The server did not offer AUTH after EHLO: ${ehlo}`, secrets),
            ...(code === "wrong_tls_mode_use_starttls" ? { fix: { security: "starttls" as const } } : {}),
            ...(guide && code === "auth_unsupported" ? { providerGuide: guide } : {}),
          });
        }
        try {
          await bounded(smtpStep(smtp, (callback) => smtp.login({ user: config.username, pass: config.password }, callback)), limits.socket, "Login timed out");
        } catch (error) {
          return fail(error);
        }
        pass();

        begin("envelope");
        let bodyStarted = false;
        let bodySent = false;
        // nodemailer reads the message only after DATA got its 354, which is when the envelope is accepted.
        const body = new Readable({
          read() {
            if (bodySent) return;
            bodySent = true;
            if (!bodyStarted) {
              bodyStarted = true;
              pass("envelope");
              begin("message");
            }
            this.push(mime.raw);
            this.push(null);
          },
        });
        try {
          await bounded(
            smtpStep(smtp, (callback) => smtp.send({ from: mime.envelope.from, to: mime.envelope.to }, body, (error) => callback(error))),
            limits.socket,
            "The server did not answer in time",
          );
        } catch (error) {
          return fail(error);
        }
        pass();
        smtp.quit();
        return { ok: true, messageId: mime.messageId, stages };
      };

      let mime: MimeMessage;
      try {
        mime = await buildMimeMessage(message);
      } catch (error) {
        const failure = { stage: "message" as const, code: "unknown" as const, raw: redactSecrets(String((error as Error).message ?? error), secrets) };
        recorder.fail("message");
        recorder.close();
        return { ok: false, failure, stages };
      }

      let deadlineTimer: NodeJS.Timeout | undefined;
      const deadline = new Promise<"deadline">((resolve) => {
        deadlineTimer = setTimeout(() => resolve("deadline"), limits.total);
      });
      let outcome: SendResult | "deadline" | StageFailure;
      try {
        outcome = await Promise.race([run(mime), deadline]);
      } catch (error) {
        outcome = error instanceof StageFailure ? error : new StageFailure(classifySmtpError(error, context()));
      } finally {
        clearTimeout(deadlineTimer);
      }

      if (outcome !== "deadline" && !(outcome instanceof StageFailure)) {
        recorder.close();
        // Give QUIT a moment, then make sure nothing is left open.
        setTimeout(closeAll, 1_000).unref();
        return outcome;
      }
      closeAll();
      const failure =
        outcome === "deadline" ? classifySmtpError(timeoutError(recorder.current(), `Gave up after ${limits.total / 1000} s`), context()) : outcome.failure;
      recorder.fail(failure.stage);
      recorder.close();
      return { ok: false, failure, stages };
    },
  };
}
