// A loopback port that drops connection attempts, like a firewalled host: a listener that never
// accepts, with its accept queue already full, so the kernel drops further SYNs. Node always
// accepts, so this one is a small python3 process. Only 127.0.0.1 is ever targeted.
import { spawn } from "node:child_process";

const PYTHON = `
import socket, sys, time
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(0)
port = server.getsockname()[1]
fillers = []
for _ in range(2):
    s = socket.socket()
    s.setblocking(False)
    s.connect_ex(("127.0.0.1", port))
    fillers.append(s)
time.sleep(0.2)
print(port, flush=True)
sys.stdin.read()
`;

export interface DroppingPort {
  port: number;
  close(): void;
}

/** null when python3 is not available. */
export function startDroppingPort(): Promise<DroppingPort | null> {
  return new Promise((resolve) => {
    const child = spawn("python3", ["-c", PYTHON], { stdio: ["pipe", "pipe", "ignore"] });
    child.once("error", () => resolve(null));
    child.stdout.once("data", (chunk: Buffer) => {
      const port = Number(chunk.toString().trim());
      resolve(Number.isInteger(port) && port > 0 ? { port, close: () => child.stdin.end() } : null);
    });
    child.once("exit", () => resolve(null));
  });
}
