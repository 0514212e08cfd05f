import { ErrorPage } from "~/components/ui/error-page";

// Unknown URLs: a real 404 status and the standard error page.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
