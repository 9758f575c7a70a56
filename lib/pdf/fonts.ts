import "server-only";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";

export interface DocumentFonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

let fonts: DocumentFonts | undefined;

const WORDS_KEPT = 20_000;

/**
 * The glyphs for the text one to one, each advancing by its width: what fontkit's OpenType
 * shaping gives for precomposed (NFC) Latin, Greek and Cyrillic text, at a fraction of its cost
 * (shaping was most of a PDF's rendering time). Kerning is left out, as in many invoices.
 * pdfkit lays text out word by word; words are remembered across documents.
 */
function plainLayout(font: fontkit.Font) {
  const words = new Map<string, { glyphs: fontkit.Glyph[]; advances: number[] }>();
  return (text: string) => {
    let word = words.get(text);
    if (!word) {
      const glyphs = font.glyphsForString(text.normalize("NFC"));
      word = { glyphs, advances: glyphs.map((glyph) => glyph.advanceWidth) };
      if (words.size >= WORDS_KEPT) words.clear();
      words.set(text, word);
    }
    // pdfkit scales the positions in place, so each call gets its own.
    const positions = word.advances.map((xAdvance) => ({ xAdvance, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    return {
      glyphs: word.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, position) => sum + position.xAdvance, 0);
      },
    };
  };
}

const SUBSETS_KEPT = 32;

/**
 * fontkit's subsets, with each encoding remembered by its glyph list: documents that use the same
 * glyphs (the same invoice previewed, downloaded and sent; a business's usual text) embed bytes
 * encoded once, instead of paying for subsetting, the costliest step left, every time.
 */
function rememberingSubsets(font: fontkit.Font) {
  const encoded = new Map<string, Uint8Array>();
  return () => {
    const subset = font.createSubset() as fontkit.Subset & { glyphs: number[]; encode(): Uint8Array };
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(",");
      let bytes = encoded.get(key);
      if (!bytes) {
        bytes = encode();
        if (encoded.size >= SUBSETS_KEPT) encoded.delete(encoded.keys().next().value!);
        encoded.set(key, bytes);
      }
      return bytes;
    };
    return subset;
  };
}

function open(file: string): fontkit.Font {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const dir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
  const font = fontkit.create(fs.readFileSync(path.join(dir, file))) as fontkit.Font;
  const own: Partial<Record<keyof fontkit.Font, unknown>> = { layout: plainLayout(font), createSubset: rememberingSubsets(font) };
  // pdfkit takes any object shaped like a fontkit font: this one is the parsed font with a plain layout and remembered subsets.
  return new Proxy(font, { get: (target, key) => own[key as keyof fontkit.Font] ?? Reflect.get(target, key, target) });
}

/**
 * DejaVu Sans Condensed (close to Helvetica's widths) draws Latin, Greek and Cyrillic, so names
 * like "Łódź" print as written. Parsed once per process: every PDF reuses the parsed tables and
 * glyph cache, and pdfkit still embeds only the glyphs each document uses.
 */
export function documentFonts(): DocumentFonts {
  fonts ??= { regular: open("DejaVuSansCondensed.ttf"), bold: open("DejaVuSansCondensed-Bold.ttf") };
  return fonts;
}
