import MarkdownIt, { type Token } from "markdown-it";

export const templatePlaceholders = [
  "reference",
  "contact_name",
  "business_name",
  "total",
  "due_date",
  "document_type",
] as const;
export type TemplatePlaceholder = (typeof templatePlaceholders)[number];
/** Plain-text values; missing ones fill in as "". */
export type TemplateValues = Partial<Record<TemplatePlaceholder, string>>;

export interface EmailTemplate {
  subject: string;
  /** Markdown. */
  body: string;
}

// "{{ name }}": spaces inside the braces are tolerated; nothing else nests.
const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return (templatePlaceholders as readonly string[]).includes(name);
}

/** Names inside `{{ }}` that fillTemplate would not replace, once each, in order of appearance. */
export function findUnknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(placeholderPattern)) {
    if (!isPlaceholder(name)) unknown.add(name);
  }
  return [...unknown];
}

const controlChars = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** A value on one line: a contact name can never start a new Markdown block or a header line. */
function oneLine(value: string): string {
  return value.replace(controlChars, " ").replace(/\s+/g, " ").trim();
}

// Backslash-escaping every ASCII punctuation mark makes CommonMark read the value as literal text.
function escapeMarkdown(value: string): string {
  return value.replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

// For a draft the sender reads and edits: only what could make a link, an image or an HTML
// tag is escaped, so "ACME [x](https://evil.test)" stays text and "67.16" stays readable.
function escapeMarkdownLinks(value: string): string {
  return value.replace(/[\\[\]<>]/g, "\\$&");
}

const escapeFor = { markdown: escapeMarkdown, draft: escapeMarkdownLinks, plain: (value: string) => value };

/**
 * Replaces known placeholders with their values; unknown ones stay as typed (saving reports them).
 * format "markdown" (default, for bodies) escapes values so "*Evil* <script>" stays literal text;
 * "draft" escapes only link, image and tag syntax, for a Markdown draft a person edits;
 * "plain" inserts them as they are (use fillSubject for subjects).
 */
export function fillTemplate(
  text: string,
  values: TemplateValues,
  { format = "markdown" }: { format?: keyof typeof escapeFor } = {},
): string {
  return text.replace(placeholderPattern, (match, name: string) => {
    if (!isPlaceholder(name)) return match;
    return escapeFor[format](oneLine(values[name] ?? ""));
  });
}

/** A filled subject is one header line: CR, LF and other control characters become spaces. */
export function fillSubject(subject: string, values: TemplateValues): string {
  return oneLine(fillTemplate(subject, values, { format: "plain" }));
}

const safeLink = /^(https?:|mailto:|tel:)/i;

// html: false escapes raw HTML; links other than web, mail and phone are left as plain text.
const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true, typographer: false });
markdown.validateLink = (url) => safeLink.test(url.trim());

function inlineText(children: Token[] | null): string {
  let out = "";
  let href: string | null = null;
  let linkText = "";
  for (const t of children ?? []) {
    let piece = "";
    if (t.type === "text" || t.type === "code_inline") piece = t.content;
    else if (t.type === "softbreak" || t.type === "hardbreak") piece = "\n";
    else if (t.type === "image") piece = t.content;
    else if (t.type === "link_open") {
      href = String(t.attrGet("href") ?? "");
      linkText = "";
      continue;
    } else if (t.type === "link_close") {
      const target = href?.replace(/^mailto:/i, "");
      if (target && target !== linkText) out += ` (${href})`;
      href = null;
      continue;
    }
    if (href !== null) linkText += piece;
    out += piece;
  }
  return out;
}

/** The text/plain alternative: what the HTML says, without markup. */
function tokensToText(tokens: Token[]): string {
  let out = "";
  const lists: { ordered: boolean; next: number }[] = [];
  for (const t of tokens) {
    switch (t.type) {
      case "inline":
        out += inlineText(t.children);
        break;
      case "paragraph_close":
      case "heading_close":
        out += t.hidden ? "\n" : "\n\n";
        break;
      case "bullet_list_open":
      case "ordered_list_open":
        lists.push({ ordered: t.type === "ordered_list_open", next: Number(t.attrGet("start") ?? 1) });
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        lists.pop();
        out += "\n";
        break;
      case "list_item_open": {
        const list = lists[lists.length - 1];
        out += "  ".repeat(Math.max(0, lists.length - 1)) + (list?.ordered ? `${list.next++}. ` : "- ");
        break;
      }
      case "code_block":
      case "fence":
        out += t.content + "\n";
        break;
      case "hr":
        out += "----------\n\n";
        break;
      case "th_close":
      case "td_close":
        out += "  ";
        break;
      case "tr_close":
        out += "\n";
        break;
    }
  }
  return out.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export interface EmailFooter {
  /** Plain text lines (the business's name, address, tax ID…); blank ones are left out. */
  lines: string[];
  /** An image already attached to the message, shown above the lines: src "cid:…". */
  logoSrc?: string;
  logoAlt?: string;
}

function footerHtml({ lines, logoSrc, logoAlt = "" }: EmailFooter): string {
  const shown = lines.map((line) => line.trim()).filter(Boolean);
  if (!shown.length && !logoSrc) return "";
  const logo = logoSrc
    ? `<img src="${escapeHtml(logoSrc)}" alt="${escapeHtml(logoAlt)}" style="display:block;max-width:160px;max-height:60px;margin:0 0 8px;border:0;">\n`
    : "";
  const text = shown.map((line) => escapeHtml(line).replace(/\n/g, "<br>")).join("<br>");
  return (
    `<div style="margin-top:24px;padding-top:12px;border-top:1px solid #d1d5db;font-size:12px;line-height:1.5;color:#6b7280;">\n` +
    `${logo}${text ? `<p style="margin:0;">${text}</p>\n` : ""}</div>\n`
  );
}

/**
 * Filled Markdown → the message's HTML document (inline styles only, for email clients) and plain
 * text, with the sender's details as a footer under the message.
 */
export function renderEmailBody(
  markdownFilled: string,
  { lang = "en", footer }: { lang?: string; footer?: EmailFooter } = {},
): {
  html: string;
  text: string;
} {
  const tokens = markdown.parse(markdownFilled, {});
  const content = markdown.renderer.render(tokens, markdown.options, {}) + (footer ? footerHtml(footer) : "");
  const html =
    `<!DOCTYPE html>\n<html lang="${escapeHtml(lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n</head>\n` +
    `<body style="margin:0;padding:0;background:#ffffff;">\n` +
    `<div style="max-width:600px;padding:16px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2937;">\n` +
    `${content}</div>\n</body>\n</html>\n`;
  const footerLines = footer?.lines.map((line) => line.trim()).filter(Boolean) ?? [];
  const text = tokensToText(tokens) + (footerLines.length ? `\n-- \n${footerLines.join("\n")}\n` : "");
  return { html, text };
}
