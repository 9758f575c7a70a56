// Browser-safe (the settings form checks too), so no node:net here.
// Link-local addresses hold cloud metadata services (169.254.169.254, fd00:ec2::254) and
// neighbours nobody meant to mail: the email settings must not reach them. Private ranges stay
// allowed (an office mail server is legitimate), and so does loopback.

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Blocked(address: string): boolean {
  const octets = IPV4.exec(address);
  return Boolean(octets && octets[1] === "169" && octets[2] === "254");
}

/** Expands "fd00:ec2::254" to eight groups so prefixes compare reliably. */
function ipv6Groups(address: string): number[] | null {
  const [head, tail = null, ...rest] = address.split("::");
  if (rest.length) return null;
  const parse = (part: string) => (part ? part.split(":").map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)) : []);
  const left = parse(head);
  const right = tail === null ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === null && missing !== 0)) return null;
  const groups = [...left, ...Array(missing).fill(0), ...right];
  return groups.some(Number.isNaN) ? null : groups;
}

/** True for 169.254.0.0/16, fe80::/10, fd00:ec2::254 and IPv4-mapped forms of the first. */
export function isBlockedAddress(raw: string): boolean {
  const address = raw.trim().toLowerCase().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (IPV4.test(address)) return ipv4Blocked(address);
  if (!address.includes(":")) return false;
  const mapped = /^(?:0{0,4}:){0,5}(?::|ffff:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return ipv4Blocked(mapped[1]);
  const groups = ipv6Groups(address);
  if (!groups) return false;
  if ((groups[0] & 0xffc0) === 0xfe80) return true;
  const metadata = [0xfd00, 0x0ec2, 0, 0, 0, 0, 0, 0x0254];
  return groups.every((g, i) => g === metadata[i]);
}
