/**
 * POST /frameworks/<id>/selection with `{ ids, branches }` — the competencies a picker selection
 * stands for (resource route): ticked ids alone, ticked branches with their whole subtree, in tree
 * order. 400 with `{ error }` when the body or an id is wrong.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/modules/auth/request.server";
import { translator } from "~/modules/i18n/i18n";
import { requestLocale } from "~/modules/i18n/locale.server";
import { competenciesForSelection, MAX_SELECTED_COMPETENCIES, SelectionError } from "~/modules/frameworks/selection.server";

const CompetencyId = z.string().trim().min(1).max(100);
const SelectionSchema = z.object({
  ids: z.array(CompetencyId).max(MAX_SELECTED_COMPETENCIES),
  branches: z.array(CompetencyId).max(MAX_SELECTED_COMPETENCIES),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = translator(requestLocale(request, user));
  if (request.method !== "POST") return json({ error: t("frameworks.selection.usePost") }, { status: 405 });
  const body: unknown = await request.json().catch(() => null);
  const selection = SelectionSchema.safeParse(body);
  if (!selection.success) return json({ error: t("frameworks.selection.badBody") }, { status: 400 });
  try {
    const competencies = await competenciesForSelection(params.frameworkId ?? "", selection.data);
    return json({ competencies }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (error instanceof SelectionError) return json({ error: error.message }, { status: 400 });
    throw error;
  }
}
