/**
 * /frameworks/<id>/children?parent=<competencyId> — one branch of the tree, fetched by
 * FrameworkTree the first time it opens (resource route); without `parent`, the top level.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/modules/auth/request.server";
import { frameworkChildren } from "~/modules/frameworks/library.server";

const ParentSchema = z.string().trim().min(1).max(100).nullable();

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const parent = ParentSchema.safeParse(new URL(request.url).searchParams.get("parent"));
  if (!parent.success) throw new Response("Bad parent id", { status: 400 });
  const nodes = await frameworkChildren(params.frameworkId ?? "", parent.data);
  // Ids are stable for a framework version, but a deleted version must not linger in a cache.
  return json({ nodes }, { headers: { "Cache-Control": "private, no-store" } });
}
