/**
 * The JSON-LD document loader of credential signing and verification (ADR 0016): it serves the
 * bundled contexts only — VC 2.0, Open Badges 3.0, Data Integrity, Multikey — and resolves
 * `did:key` from the key itself. Anything else throws: no network at run time, so a credential
 * verifies offline and a hostile context URL cannot make the server fetch.
 */
import { contexts as credentialsContexts } from "@digitalbazaar/credentials-context";
import dataIntegrityContext from "@digitalbazaar/data-integrity-context";
import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { driver as didKeyDriver } from "@digitalbazaar/did-method-key";
import multikeyContext from "@digitalbazaar/multikey-context";
import type { DocumentLoader } from "@digitalbazaar/vc";
import { JsonLdDocumentLoader } from "jsonld-document-loader";
import openBadgesContext from "~/modules/exports/signing-contexts/ob3-context-3.0.3.json";
import { OPEN_BADGES_CONTEXT } from "~/modules/exports/openbadges";

export const OPEN_BADGES_CONTEXT_URL = OPEN_BADGES_CONTEXT[1];

export class UnknownDocumentError extends Error {
  constructor(readonly url: string) {
    super(`The credential document loader serves bundled contexts and did:key only, not ${url}`);
    this.name = "UnknownDocumentError";
  }
}

function buildLoader(): DocumentLoader {
  const loader = new JsonLdDocumentLoader();
  loader.addDocuments({ documents: credentialsContexts });
  loader.addDocuments({ documents: dataIntegrityContext.contexts });
  loader.addDocuments({ documents: multikeyContext.contexts });
  loader.addStatic(OPEN_BADGES_CONTEXT_URL, openBadgesContext);
  const didKey = didKeyDriver();
  didKey.use({ multibaseMultikeyHeader: "z6Mk", fromMultibase: Ed25519Multikey.from });
  loader.setProtocolHandler({
    protocol: "did",
    handler: {
      // did:web and other methods would need the network: refused like any unknown URL.
      get: async ({ url }) => {
        if (!url.startsWith("did:key:z6Mk")) throw new UnknownDocumentError(url);
        return didKey.get({ url });
      },
    },
  });
  const load = loader.build();
  return async (url) => {
    try {
      return await load(url);
    } catch (error) {
      if (error instanceof UnknownDocumentError) throw error;
      if (error instanceof Error && error.message.startsWith("Document not found")) throw new UnknownDocumentError(url);
      throw error;
    }
  };
}

let cached: DocumentLoader | undefined;

/** The one loader (built on first use; its documents never change). */
export function credentialDocumentLoader(): DocumentLoader {
  cached ??= buildLoader();
  return cached;
}
