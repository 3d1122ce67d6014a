import { bidiSegments } from "~/utils/bidi";

/** Text built with isolate(): each isolated run becomes a <bdi>, the translated words around it stay in the page's direction. */
export function BidiText({ text }: { text: string }) {
  return <>{bidiSegments(text).map((s, i) => (s.isolated ? <bdi key={i}>{s.text}</bdi> : s.text))}</>;
}
