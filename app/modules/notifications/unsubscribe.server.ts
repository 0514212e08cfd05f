/**
 * One-click unsubscribe tokens: "<user id>.<kind>.<HMAC-SHA256>". Signed so that a link cannot be
 * forged to change someone else's preferences; it needs no session because mail clients follow it
 * (RFC 8058) without one.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { isNotificationKind, type NotificationKind } from "./kinds";

function mac(secret: string, userId: string, kind: string): string {
  return createHmac("sha256", secret).update(`unsubscribe:${userId}:${kind}`).digest("base64url");
}

export function unsubscribeToken(secret: string, userId: string, kind: NotificationKind): string {
  return `${userId}.${kind}.${mac(secret, userId, kind)}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): { userId: string; kind: NotificationKind } | null {
  const [userId, kind, signature, ...rest] = token.split(".");
  if (!userId || !kind || !signature || rest.length > 0 || !isNotificationKind(kind)) return null;
  const expected = Buffer.from(mac(secret, userId, kind));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind };
}
