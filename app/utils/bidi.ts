/**
 * Direction isolation for what people typed. An Urdu address inside an English sentence (or a
 * Latin passport number inside an Urdu one) must keep its own direction without dragging the
 * punctuation and words around it along: the Unicode bidi algorithm only keeps them apart when the
 * typed part is isolated. Plain text (mail) carries FSI … PDI; pages turn the same marks into <bdi>.
 */
export const FSI = "\u2068";
export const PDI = "\u2069";

/** The value with its direction decided by its own first strong character, apart from the text around it. */
export function isolate(value: string): string {
  return `${FSI}${value}${PDI}`;
}

export type BidiSegment = { text: string; isolated: boolean };

/** Splits text built with isolate() into plain and isolated runs (no nesting: typed values are flat). */
export function bidiSegments(text: string): BidiSegment[] {
  const segments: BidiSegment[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf(FSI);
    const end = start === -1 ? -1 : rest.indexOf(PDI, start);
    if (start === -1 || end === -1) {
      segments.push({ text: rest, isolated: false });
      break;
    }
    if (start > 0) segments.push({ text: rest.slice(0, start), isolated: false });
    segments.push({ text: rest.slice(start + 1, end), isolated: true });
    rest = rest.slice(end + 1);
  }
  return segments;
}

export function hasIsolates(text: string): boolean {
  return text.includes(FSI);
}
