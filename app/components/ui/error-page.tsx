import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: "Bad request", text: "The request could not be understood." },
  403: { title: "Not allowed", text: "You do not have permission to do that." },
  404: { title: "Page not found", text: "There is nothing here, or you do not have access to it." },
  405: { title: "Not allowed", text: "That action is not available here." },
  429: { title: "Slow down", text: "Too many requests. Try again in a little while." },
};

/** Shows the status and a plain message; never a stack trace (Remix strips them in production). */
export function ErrorPage() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = MESSAGES[status] ?? { title: "Something went wrong", text: "An unexpected error occurred. It has been logged; please try again." };
  return (
    <div className="error-page">
      <p className="code">{status}</p>
      <h1>{message.title}</h1>
      <p className="muted">{message.text}</p>
      <p>
        <Link to="/">Back to Concord</Link>
      </p>
    </div>
  );
}
