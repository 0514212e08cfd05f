/**
 * "Open the sample project" (the dashboard and the empty /projects page post here): creates the
 * read-only sample project the first time anyone asks, then opens it. A POST, because the first
 * one writes it.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/modules/auth/request.server";
import { ensureSampleProject } from "~/modules/projects/sample-project.server";
import { SAMPLE_PROJECT_ID } from "~/modules/projects/sample";

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const { projectId } = await ensureSampleProject();
  return redirect(`/projects/${projectId}`);
}

/** A typed address or a bookmark: the project page itself (404 until someone has opened it once). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect(`/projects/${SAMPLE_PROJECT_ID}`);
}
