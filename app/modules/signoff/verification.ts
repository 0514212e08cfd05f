/**
 * Public verification of a certificate (issue #15): the code is the approved version's full
 * SHA-256 content hash, as the certificate prints it. Browser-safe: the form and the certificate
 * page use the schema and the path; the lookup is verification.server.ts.
 */
import { z } from "zod";

export const CERTIFICATE_CODE_LENGTH = 64;

export const CertificateCodeSchema = z
  .string({ error: "Enter the certificate code" })
  .trim()
  .toLowerCase()
  .min(1, "Enter the certificate code")
  .regex(/^[0-9a-f]{64}$/, `A certificate code is ${CERTIFICATE_CODE_LENGTH} characters: digits 0–9 and letters a–f`);

/** Where anyone checks a certificate, signed in or not. */
export function verificationPath(code: string): string {
  return `/verify/${code}`;
}
