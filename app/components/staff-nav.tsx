import type { StaffNavigation } from "~/services/staff-nav.server";

/**
 * The back office's menu under the header. Sign-out is a plain POST form (a link could be
 * prefetched or triggered by another site) that works with or without JavaScript.
 */
export function StaffNav({ nav }: { nav: StaffNavigation }) {
  return (
    <nav className="staff-nav" aria-label={nav.label}>
      <div className="width-container staff-nav__inner">
        <ul className="staff-nav__list">
          {nav.items.map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={item.current ? "page" : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
        <form method="post" action={nav.signOut.action} className="staff-nav__sign-out">
          <button type="submit" className="link-button">
            {nav.signOut.label}
          </button>
        </form>
      </div>
    </nav>
  );
}
