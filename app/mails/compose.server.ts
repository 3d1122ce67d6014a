/**
 * Every mail the portal sends is written here from blocks: a plain-text body and a simple HTML
 * alternative with the same words, in the recipient's language, with the one signature. Mail
 * modules (one per mail, beside this file) say what a mail contains; models only queue the result.
 *
 * Typed values arrive isolated (FSI … PDI, see app/utils/bidi.ts): plain text keeps the marks,
 * HTML turns them into <bdi>. The HTML has no images, styles or scripts: mail clients on costly
 * data show it as fast as the text, and nothing in it can be tracked.
 */
import { type Lang, textDirection } from "~/i18n";
import { bidiSegments } from "~/utils/bidi";
import { getI18n } from "~/utils/i18n.server";

/** A paragraph, a link on its own line (optionally after a label line), or a bulleted list between two lines. */
export type MailBlock = string | { label?: string; link: string } | { items: readonly string[]; intro?: string; outro?: string };

export type ComposedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function inlineHtml(text: string): string {
  return bidiSegments(text)
    .map((segment) => (segment.isolated ? `<bdi>${escapeHtml(segment.text)}</bdi>` : escapeHtml(segment.text)))
    .join("")
    .replace(/\n/g, "<br>");
}

function blockText(block: MailBlock): string {
  if (typeof block === "string") return block;
  if ("link" in block) return block.label ? `${block.label}\n${block.link}` : block.link;
  return [...(block.intro ? [block.intro] : []), ...block.items.map((item) => `- ${item}`), ...(block.outro ? [block.outro] : [])].join(
    "\n",
  );
}

function blockHtml(block: MailBlock): string {
  if (typeof block === "string") return `<p>${inlineHtml(block)}</p>`;
  if ("link" in block) {
    const href = escapeHtml(block.link);
    const label = block.label ? `${inlineHtml(block.label)}<br>` : "";
    return `<p>${label}<a href="${href}">${href}</a></p>`;
  }
  const intro = block.intro ? `<p>${inlineHtml(block.intro)}</p>` : "";
  const outro = block.outro ? `<p>${inlineHtml(block.outro)}</p>` : "";
  return `${intro}<ul>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join("")}</ul>${outro}`;
}

/** The mail in `lang`, its blocks followed by the signature and the do-not-reply line. */
export function composeMail(lang: Lang, subject: string, blocks: readonly MailBlock[]): ComposedMail {
  const { t } = getI18n(lang);
  const signature = `${t("mail:signature")}\n${t("mail:doNotReply")}`;
  const all = [...blocks, signature];
  const body = all.map(blockHtml).join("\n");
  return {
    subject,
    text: all.map(blockText).join("\n\n"),
    html: `<!doctype html>\n<html lang="${lang}" dir="${textDirection(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>\n${body}\n</body></html>\n`,
  };
}
