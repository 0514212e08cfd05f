/**
 * /frameworks/<id>/search?q=… — competencies matching a query, with their path (resource route):
 * what the picker's search box lists while the person types. The framework page searches in its
 * own loader; this answers JSON.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/modules/auth/request.server";
import { searchCompetencies } from "~/modules/frameworks/library.server";

const QuerySchema = z.string().trim().max(200).catch("");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const query = QuerySchema.parse(new URL(request.url).searchParams.get("q") ?? "");
  const hits = query ? await searchCompetencies(params.frameworkId ?? "", query) : [];
  return json({ hits }, { headers: { "Cache-Control": "private, no-store" } });
}
