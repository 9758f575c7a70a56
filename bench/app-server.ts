// The production build under scripts/server.mjs on a free loopback port, and a signed-in HTTP client.
import { spawn, type ChildProcess } from "node:child_process";
import { SERVER_NODE_FLAGS } from "../scripts/server-flags.mjs";
import net from "node:net";
import path from "node:path";

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface AppServer {
  url: string;
  /** Everything the server printed, to look for errors such as "database is locked". */
  output(): string;
  stop(): Promise<void>;
}

export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(process.cwd(), "scripts", "server.mjs")], {
    env: { ...process.env, ...env, NEXTAUTH_URL: url, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${url}/login`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app server did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, output: () => output, stop };
}

/** Cookies as a browser would keep them for one site (names and values only). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export interface Client {
  fetch(pathname: string, init?: RequestInit): Promise<Response>;
}

/** Signs in through next-auth's credentials flow, as the login form does, and keeps the session cookie. */
export async function signIn(url: string, email: string, password: string): Promise<Client> {
  const jar = new CookieJar();
  const csrf = await fetch(`${url}/api/auth/csrf`);
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  jar.store(callback);
  await callback.arrayBuffer();
  if (!jar.header().includes("session-token=")) throw new Error(`sign-in as ${email} failed (HTTP ${callback.status})`);
  return {
    fetch: (pathname, init = {}) =>
      fetch(`${url}${pathname}`, {
        ...init,
        redirect: "manual",
        headers: { Origin: url, ...(init.headers as Record<string, string>), Cookie: jar.header() },
      }),
  };
}
