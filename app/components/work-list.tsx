import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/** A work list's tabs, each with its count; the current one is marked for screen readers too. */
export function ListTabs({
  label,
  tabs,
}: {
  label: string;
  tabs: readonly { id: string; href: string; label: string; current: boolean }[];
}) {
  return (
    <nav aria-label={label} className="tabs">
      <ul className="tabs__list">
        {tabs.map((tab) => (
          <li key={tab.id} className="tabs__item">
            <a href={tab.href} aria-current={tab.current ? "page" : undefined}>
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "First page" and "Next page" of a list paged by cursor; either is left out when there is none. */
export function ListPagination({
  label,
  first,
  next,
}: {
  label: string;
  first: { href: string; label: string } | null;
  next: { href: string; label: string } | null;
}) {
  return (
    <nav className="pagination" aria-label={label}>
      {first ? <a href={first.href}>{first.label}</a> : null}
      {next ? <a href={next.href}>{next.label}</a> : null}
    </nav>
  );
}

/**
 * A work list's filters as a GET form in a disclosure (open while a filter is set): the tab and the
 * staff language travel along, "Clear" goes back to the tab unfiltered.
 */
export function ListFilters({
  summary,
  open,
  tab,
  lng,
  clearHref,
  apply,
  clear,
  children,
}: {
  summary: string;
  open: boolean;
  tab: string;
  lng: string | undefined;
  clearHref: string;
  apply: string;
  clear: string;
  children: ReactNode;
}) {
  return (
    <details className="filters" open={open}>
      <summary>{summary}</summary>
      <Form method="get" className="filters__form">
        <input type="hidden" name="tab" value={tab} />
        {lng ? <input type="hidden" name="lng" value={lng} /> : null}
        {children}
        <div className="button-group">
          <button type="submit" className="button">
            {apply}
          </button>
          <a href={clearHref}>{clear}</a>
        </div>
      </Form>
    </details>
  );
}
