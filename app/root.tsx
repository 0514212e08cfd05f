import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ui/error-page";
import { getSession, refreshedCookieHeaders } from "~/modules/auth/request.server";
import stylesheet from "~/styles/app.css";
import { NotificationBell } from "~/components/notifications/Bell";
import { db } from "~/db.server";
import { unreadCount } from "~/modules/notifications/notifications.server";
import { i18nFor } from "~/modules/i18n/i18n";
import { requestLocale } from "~/modules/i18n/locale.server";
import { DEFAULT_LOCALE, LANGUAGE_NAMES, LANGUAGE_TAGS, LOCALES, type Locale } from "~/modules/i18n/locales";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = i18nFor(data?.locale ?? DEFAULT_LOCALE).t;
  return [
    { title: t("common.metaTitle") },
    { name: "description", content: t("common.metaDescription") },
  ];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const unreadNotifications = session ? await unreadCount(db(), session.user.id) : 0;
  const locale = requestLocale(request, session?.user ?? null);
  return json({ user: session?.user ?? null, unreadNotifications, locale }, { headers: refreshedCookieHeaders(request, session) });
}

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

/** The page's language (the root loader's choice; English on an error page without it). */
export function useLocale(): Locale {
  return useRouteLoaderData<typeof loader>("root")?.locale ?? DEFAULT_LOCALE;
}

/** "Français" in English, "English" in French: each language offered by its own name. */
function LanguageSwitch() {
  const locale = useLocale();
  const location = useLocation();
  const other = LOCALES.find((candidate) => candidate !== locale) ?? DEFAULT_LOCALE;
  return (
    <Form method="post" action="/language" className="language-switch">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}${location.hash}`} />
      <button type="submit" className="button button--small button--secondary" lang={LANGUAGE_TAGS[other]}>
        {LANGUAGE_NAMES[other]}
      </button>
    </Form>
  );
}

/**
 * The site header. On narrow screens (below 1100 px, see app.css) the navigation and the account
 * links collapse behind a "Menu" disclosure button, so the header never runs past the screen; the
 * collapsing applies once hydrated, before that the links wrap.
 */
function Header() {
  const { t } = useTranslation();
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
          {t("common.brand")}
        </a>
        <button ref={toggle} type="button" className="site-menu-toggle" aria-expanded={open} aria-controls="site-menu" onClick={() => setOpen((was) => !was)}>
          <span className="site-menu-toggle__icon" aria-hidden="true" />
          {t("common.menu")}
        </button>
        <div id="site-menu" className={`site-menu${open ? " site-menu--open" : ""}`}>
          {user ? (
            <>
              <nav className="site-nav" aria-label={t("common.nav.main")}>
                <NavLink to="/" end>
                  {t("common.nav.dashboard")}
                </NavLink>
                <NavLink to="/projects">{t("common.nav.projects")}</NavLink>
                <NavLink to="/documents">{t("common.nav.documents")}</NavLink>
                <NavLink to="/inbox">{t("common.nav.inbox")}</NavLink>
                <NavLink to="/organizations">{t("common.nav.organizations")}</NavLink>
                <NavLink to="/consortia">{t("common.nav.consortia")}</NavLink>
                <NavLink to="/frameworks">{t("common.nav.frameworks")}</NavLink>
                <NavLink to="/demand">{t("common.nav.demand")}</NavLink>
                <NavLink to="/catalog">{t("common.nav.catalog")}</NavLink>
              </nav>
              <div className="user-menu">
                <LanguageSwitch />
                <NotificationBell initialUnread={unreadNotifications} />
                <span>{user.name}</span>
                <Form method="post" action="/logout">
                  <button type="submit" className="button button--small">
                    {t("common.account.signOut")}
                  </button>
                </Form>
              </div>
            </>
          ) : (
            <>
              <nav className="site-nav" aria-label={t("common.nav.main")}>
                <NavLink to="/catalog">{t("common.nav.catalog")}</NavLink>
              </nav>
              <div className="user-menu">
                <LanguageSwitch />
                <NavLink to="/login">{t("common.account.signIn")}</NavLink>
                <NavLink to="/signup" className="button button--small">
                  {t("common.account.createAccount")}
                </NavLink>
              </div>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

/** Skip links a route adds after "Skip to content" (its `handle.skipLinks`), e.g. to a document's panels; `label` is a message key. */
export type SkipLink = { href: `#${string}`; label: string };

function SkipLinks() {
  const { t } = useTranslation();
  const links = useMatches().flatMap((match) => (match.handle as { skipLinks?: SkipLink[] } | undefined)?.skipLinks ?? []);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("common.skip.content")}
      </a>
      {links.map((link) => (
        <a key={link.href} className="skip-link" href={link.href}>
          {t(link.label)}
        </a>
      ))}
    </>
  );
}

function Footer() {
  const { t } = useTranslation();
  return <footer className="site-footer">{t("common.footer")}</footer>;
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  // The page tells e2e tests (and nothing else) that React has taken over: data-hydrated.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <I18nextProvider i18n={i18nFor(locale)}>
      <Document locale={locale} hydrated={hydrated}>
        {children}
      </Document>
    </I18nextProvider>
  );
}

function Document({ locale, hydrated, children }: { locale: Locale; hydrated: boolean; children: ReactNode }) {
  return (
    <html lang={LANGUAGE_TAGS[locale]} data-hydrated={hydrated ? "true" : undefined}>
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
        <Footer />
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
