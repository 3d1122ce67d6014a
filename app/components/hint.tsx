import { Fragment, type ReactNode } from "react";

/**
 * A field's hint. Translations mark example values as `<0>35202-1234567-1</0>`; each is shown
 * isolated and unbroken, because a phone-wide Urdu line otherwise wraps inside the value at its
 * hyphen or space ("35202-" / "1234567-1") and the reader copies half an example.
 */
export function Hint({ id, text, className = "hint" }: { id: string; text: string; className?: string }) {
  return (
    <p className={className} id={id}>
      {withExamples(text)}
    </p>
  );
}

function withExamples(text: string): ReactNode {
  const parts = text.split(/<0>(.*?)<\/0>/);
  if (parts.length === 1) return text;
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <bdi key={i} className="nowrap">
        {part}
      </bdi>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}
