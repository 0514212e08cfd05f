import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { ErrorPage } from "~/components/ui/error-page";
import { getSession, refreshedCookieHeaders } from "~/modules/auth/request.server";
import stylesheet from "~/styles/app.css";
import { NotificationBell } from "~/components/notifications/Bell";
import { db } from "~/db.server";
import { unreadCount } from "~/modules/notifications/notifications.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = () => [
  { title: "Concord — co-design micro-credentials" },
  { name: "description", content: "Employers, professional bodies and institutions co-design micro-credentials together." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const unreadNotifications = session ? await unreadCount(db(), session.user.id) : 0;
  return json({ user: session?.user ?? null, unreadNotifications }, { headers: refreshedCookieHeaders(request, session) });
}

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

/**
 * The site header. On narrow screens (below 1100 px, see app.css) the navigation and the account
 * links collapse behind a "Menu" disclosure button, so the header never runs past the screen; the
 * collapsing applies once hydrated, before that the links wrap.
 */
function Header() {
  const user = useOptionalUser();
  const unreadNotifications = useRouteLoaderData<typeof loader>("root")?.unreadNotifications ?? 0;
  const [open, setOpen] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setHydrated(true), []);
  // A followed link closes the menu.
  useEffect(() => setOpen(false), [location.pathname, location.search]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      setOpen(false);
      toggle.current?.focus();
    }
  };
  return (
    <header className={`site-header${hydrated ? " site-header--collapsible" : ""}`} onKeyDown={onKeyDown}>
      <div className="site-header__inner">
        <a className="brand" href="/">
          <span className="brand__mark" aria-hidden="true" />
          Concord
        </a>
        <button ref={toggle} type="button" className="site-menu-toggle" aria-expanded={open} aria-controls="site-menu" onClick={() => setOpen((was) => !was)}>
          <span className="site-menu-toggle__icon" aria-hidden="true" />
          Menu
        </button>
        <div id="site-menu" className={`site-menu${open ? " site-menu--open" : ""}`}>
          {user ? (
            <>
              <nav className="site-nav" aria-label="Main">
                <NavLink to="/" end>Dashboard</NavLink>
                <NavLink to="/projects">Projects</NavLink>
                <NavLink to="/documents">Documents</NavLink>
                <NavLink to="/inbox">Inbox</NavLink>
                <NavLink to="/organizations">Organizations</NavLink>
                <NavLink to="/consortia">Consortia</NavLink>
                <NavLink to="/frameworks">Frameworks</NavLink>
                <NavLink to="/demand">Demand</NavLink>
                <NavLink to="/catalog">Catalog</NavLink>
              </nav>
              <div className="user-menu">
                <NotificationBell initialUnread={unreadNotifications} />
                <span>{user.name}</span>
                <Form method="post" action="/logout">
                  <button type="submit" className="button button--small">Sign out</button>
                </Form>
              </div>
            </>
          ) : (
            <>
              <nav className="site-nav" aria-label="Main">
                <NavLink to="/catalog">Catalog</NavLink>
              </nav>
              <div className="user-menu">
                <NavLink to="/login">Sign in</NavLink>
                <NavLink to="/signup" className="button button--small">Create account</NavLink>
              </div>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

/** Skip links a route adds after "Skip to content" (its `handle.skipLinks`), e.g. to a document's panels. */
export type SkipLink = { href: `#${string}`; label: string };

function SkipLinks() {
  const links = useMatches().flatMap((match) => (match.handle as { skipLinks?: SkipLink[] } | undefined)?.skipLinks ?? []);
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      {links.map((link) => (
        <a key={link.href} className="skip-link" href={link.href}>
          {link.label}
        </a>
      ))}
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLinks />
        <Header />
        <main id="main">{children}</main>
        <footer className="site-footer">Concord — micro-credentials co-designed by employers, professional bodies and institutions.</footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
