import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
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

function Header() {
  const user = useOptionalUser();
  const unreadNotifications = useRouteLoaderData<typeof loader>("root")?.unreadNotifications ?? 0;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="brand" href="/">
          <span className="brand__mark" aria-hidden="true" />
          Concord
        </a>
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
    </header>
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
        <a className="skip-link" href="#main">Skip to content</a>
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
