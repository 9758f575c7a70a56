import "server-only";
import net from "node:net";
import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { buildMimeMessage } from "./mime";
import { classifySmtpError, smtpSecrets } from "./explain";
import { SMTP_LIMITS } from "./smtp-transport";
import type { OutgoingMessage, SendResult, SmtpConfig, StageName, Transport } from "./types";

/** How queued emails share connections: a few per settings, each reused for many messages, closed when idle. */
export const SMTP_POOL = { maxConnections: 3, maxMessages: 500, idleTimeout: 30_000 } as const;

export interface PooledTransport extends Transport {
  close(): void;
}

/** The stage a nodemailer error belongs to, from the command it answered. */
function stageOf(command: string | undefined): StageName {
  const c = (command ?? "").toUpperCase();
  if (c === "CONN") return "greeting";
  if (c.startsWith("AUTH")) return "login";
  if (c.startsWith("MAIL") || c.startsWith("RCPT")) return "envelope";
  if (c.startsWith("DATA") || c === "RSET") return "message";
  return "connect";
}

/**
 * SMTP over nodemailer's pool for the queue: consecutive messages go over an open, authenticated
 * connection (RSET after a refused message), a message that never started is moved to another
 * connection when the server hung up, and idle connections close after `idleTimeout`. The
 * interactive test keeps using the staged transport, which reports every stage.
 */
export function createPooledSmtpTransport(config: SmtpConfig, pool: Partial<typeof SMTP_POOL> = {}): PooledTransport {
  const secrets = smtpSecrets(config.username, config.password);
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: pool.maxConnections ?? SMTP_POOL.maxConnections,
    maxMessages: pool.maxMessages ?? SMTP_POOL.maxMessages,
    idleTimeout: pool.idleTimeout ?? SMTP_POOL.idleTimeout,
    host: config.host,
    port: config.port,
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: config.security === "none",
    auth: { user: config.username, pass: config.password },
    tls: { rejectUnauthorized: !config.skipTlsVerify, servername: net.isIP(config.host) ? undefined : config.host },
    connectionTimeout: SMTP_LIMITS.connect,
    greetingTimeout: SMTP_LIMITS.greeting,
    socketTimeout: SMTP_LIMITS.socket,
    logger: false,
    debug: false,
  } as SMTPPool.Options);
  // nodemailer starts piping a message only after the server accepted its envelope and DATA: that
  // is the moment it may arrive. The Buffer stays re-readable, so the pool can move a message that
  // never started to another connection.
  transporter.use("stream", (mail, done) => {
    const handedOver = (mail.data as { onHandedOver?: () => void }).onHandedOver;
    const create = mail.message.createReadStream.bind(mail.message);
    mail.message.createReadStream = () => {
      const stream = create();
      if (handedOver) stream.once("resume", handedOver);
      return stream;
    };
    done();
  });

  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      const mime = await buildMimeMessage(message);
      let handedOver = false;
      const onHandedOver = () => (handedOver = true);
      try {
        await transporter.sendMail({ envelope: mime.envelope, raw: mime.raw, onHandedOver } as SMTPPool.Options & { onHandedOver: () => void });
        return { ok: true, messageId: mime.messageId, stages: [] };
      } catch (error) {
        const stage = handedOver ? "message" : stageOf((error as { command?: string }).command);
        return { ok: false, failure: classifySmtpError(error, { stage, host: config.host, port: config.port, security: config.security, secrets }), stages: [] };
      }
    },
    close() {
      transporter.close();
    },
  };
}
