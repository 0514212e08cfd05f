import { json } from "@remix-run/node";
import { databaseHandle } from "~/db.server";

export async function loader() {
  try {
    await Promise.race([
      databaseHandle().ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database ping timed out")), 3_000)),
    ]);
    return json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
