#!/usr/bin/env node
// Generates the test TLS material into test/.tmp/certs/ (git-ignored) once; later runs reuse it.
// ca.pem            test CA (trusted by Node via NODE_EXTRA_CA_CERTS=test/.tmp/certs/ca.pem)
// server.pem/-key   leaf signed by the test CA, SAN DNS:localhost only
// selfsigned.pem/-key  self-signed leaf for localhost (the "certificate not trusted" path)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const tmpRoot = path.join(root, "test", ".tmp");
const certsDir = path.join(tmpRoot, "certs");
const files = ["ca.pem", "server.pem", "server-key.pem", "selfsigned.pem", "selfsigned-key.pem"];

if (files.every((file) => existsSync(path.join(certsDir, file)))) {
  process.exit(0);
}

mkdirSync(tmpRoot, { recursive: true });
// Build in a private directory and rename it into place, so a concurrent run never sees half a set.
const work = mkdtempSync(path.join(tmpRoot, "certs-"));
const openssl = (...args) => execFileSync("openssl", args, { cwd: work, stdio: ["ignore", "ignore", "pipe"] });
const days = "3650";
const ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

try {
  openssl("req", "-x509", ...ecKey, "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", days,
    "-subj", "/CN=Mailroom Test CA",
    "-addext", "basicConstraints=critical,CA:TRUE",
    "-addext", "keyUsage=critical,keyCertSign,cRLSign");

  openssl("req", "-new", ...ecKey, "-keyout", "server-key.pem", "-out", "server.csr", "-subj", "/CN=localhost");
  writeFileSync(path.join(work, "server.ext"), [
    "basicConstraints=critical,CA:FALSE",
    "keyUsage=critical,digitalSignature,keyEncipherment",
    "extendedKeyUsage=serverAuth",
    "subjectAltName=DNS:localhost",
    "",
  ].join("\n"));
  openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
    "-out", "server.pem", "-days", days, "-extfile", "server.ext");

  openssl("req", "-x509", ...ecKey, "-keyout", "selfsigned-key.pem", "-out", "selfsigned.pem", "-days", days,
    "-subj", "/CN=localhost",
    "-addext", "basicConstraints=critical,CA:FALSE",
    "-addext", "subjectAltName=DNS:localhost",
    "-addext", "extendedKeyUsage=serverAuth");

  for (const leftover of ["server.csr", "server.ext", "ca.srl"]) rmSync(path.join(work, leftover), { force: true });
  rmSync(certsDir, { recursive: true, force: true });
  renameSync(work, certsDir);
  console.log(`certs: generated test certificates in ${path.relative(root, certsDir)}`);
} catch (error) {
  rmSync(work, { recursive: true, force: true });
  if (files.every((file) => existsSync(path.join(certsDir, file)))) process.exit(0);
  console.error(`certs: openssl failed: ${error.stderr?.toString() || error.message}`);
  process.exit(1);
}
