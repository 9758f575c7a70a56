// What a logo may be, by its bytes; free of zod so the business form can read the size limit.

export const MAX_LOGO_BYTES = 1024 * 1024;
export const logoContentTypes = ["image/png", "image/jpeg"] as const;
export type LogoContentType = (typeof logoContentTypes)[number];

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const jpegSignature = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** What the bytes are, by their signature (the file's name and the browser's claim count for nothing). */
export function logoContentType(bytes: Uint8Array): LogoContentType | null {
  if (startsWith(bytes, pngSignature)) return "image/png";
  if (startsWith(bytes, jpegSignature)) return "image/jpeg";
  return null;
}
