import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/request.server";
import { stackModulesView } from "~/modules/stacks/stack.server";

/** `refs`: the stack's live module references as "documentId:versionHash", comma-separated. */
const QuerySchema = z.object({
  refs: z
    .string()
    .max(20_000)
    .default("")
    .transform((value) =>
      value
        .split(",")
        .filter(Boolean)
        .slice(0, 200)
        .map((pair) => {
          const [documentId = "", versionHash = ""] = pair.split(":");
          return { documentId, versionHash };
        })
        .filter((ref) => ref.documentId && ref.versionHash),
    ),
  picker: z.enum(["1"]).optional(),
});

/** What a stack's Stack section shows about its modules (and, with picker=1, what it may add). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Bad request", { status: 400 });
  return json(await stackModulesView(actor, params.documentId ?? "", query.data.refs, query.data.picker === "1"));
}
