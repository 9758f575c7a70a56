import "server-only";
import zlib from "node:zlib";
import PDFDocument from "pdfkit";

type OpenImage = (src: Buffer) => { width: number; height: number };

// pdfkit inflates PNG pixels asynchronously and throws a bad stream outside any caller's reach.
function pngImageData(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    if (type === "IDAT") parts.push(png.subarray(at + 8, at + 8 + length));
    if (type === "IEND") break;
    at += 12 + length;
  }
  return Buffer.concat(parts);
}

/**
 * Whether the PDF renderer can draw these bytes (already known to start like a PNG or JPEG), so a
 * damaged file is refused when uploaded instead of breaking every PDF afterwards.
 */
export function isPrintableLogo(content: Buffer): boolean {
  try {
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as { openImage: OpenImage };
    const image = doc.openImage(content);
    if (!(image.width > 0 && image.height > 0)) return false;
    if (content[0] === 0x89) zlib.inflateSync(pngImageData(content));
    return true;
  } catch {
    return false;
  }
}
