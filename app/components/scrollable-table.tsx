import type { ReactNode } from "react";

/**
 * A data table that scrolls sideways on its own when it is wider than the screen (a phone, a long
 * Urdu heading), instead of making the whole page scroll. The region can take focus so keyboard
 * users can scroll it too, and it is named by the table's caption.
 */
export function ScrollableTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
