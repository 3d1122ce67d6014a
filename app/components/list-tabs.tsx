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
