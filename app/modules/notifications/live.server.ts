/**
 * Live delivery. notify() sends a Postgres NOTIFY (channel NOTIFY_CHANNEL, payload: user id) in the
 * event's transaction; Postgres delivers it only after COMMIT, and to every instance listening on the
 * same database, so several app instances push without a separate broker. Each instance wakes its
 * own open streams (/notifications/stream) and tries the e-mail, whose claim is a compare-and-set
 * so that exactly one instance sends it.
 *
 * The registry lives on globalThis: the Remix build and server/ are two module graphs in one
 * process (as for the database handle), and must share one LISTEN and one set of subscribers.
 */
import { databaseHandle } from "~/db.server";
import { log } from "~/utils/log.server";
import { deliverImmediateEmails } from "./mail.server";
import { NOTIFY_CHANNEL } from "./notify.server";

type Listener = () => void;
type Registry = { listeners: Map<string, Set<Listener>>; started?: Promise<() => Promise<void>> };
const holder = globalThis as typeof globalThis & { concordNotifications?: Registry };

function registry(): Registry {
  holder.concordNotifications ??= { listeners: new Map() };
  return holder.concordNotifications;
}

function wake(userId: string): void {
  for (const listener of registry().listeners.get(userId) ?? []) listener();
  void deliverImmediateEmails(userId).catch((error: unknown) => log.error(`notifications: e-mail for ${userId} failed`, error));
}

/** Starts listening once per process (server/ calls it at boot; a stream calls it too). */
export function startNotifications(): Promise<() => Promise<void>> {
  const reg = registry();
  const handle = databaseHandle();
  reg.started ??= handle.listen ? handle.listen(NOTIFY_CHANNEL, (payload) => wake(payload)) : Promise.resolve(async () => {});
  return reg.started;
}

export async function stopNotifications(): Promise<void> {
  const reg = registry();
  const started = reg.started;
  reg.started = undefined;
  if (started) await (await started)().catch(() => {});
}

/** Calls `listener` after each committed notification for `userId`; returns the unsubscribe. */
export async function subscribe(userId: string, listener: Listener): Promise<() => void> {
  await startNotifications();
  const listeners = registry().listeners;
  let set = listeners.get(userId);
  if (!set) listeners.set(userId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(userId);
  };
}
