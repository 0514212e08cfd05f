/**
 * /frameworks/choices — the frameworks the "Add competencies" picker offers (resource route): the
 * latest version of each, labelled as a specification's rows will name it.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUser } from "~/modules/auth/request.server";
import { frameworkChoices } from "~/modules/frameworks/selection.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const frameworks = await frameworkChoices();
  return json({ frameworks }, { headers: { "Cache-Control": "private, no-store" } });
}
