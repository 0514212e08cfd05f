/**
 * The little of Digital Bazaar's untyped VC libraries (ESM, no bundled types) that signing uses;
 * see signing-loader.server.ts and signing.server.ts.
 */
declare module "@digitalbazaar/vc" {
  type JsonObject = Record<string, unknown>;
  export type LoadedDocument = { contextUrl: string | null; document: unknown; documentUrl: string; tag?: string };
  export type DocumentLoader = (url: string) => Promise<LoadedDocument>;
  export function issue(options: { credential: JsonObject; suite: unknown; documentLoader: DocumentLoader }): Promise<JsonObject>;
  export function verifyCredential(options: {
    credential: unknown;
    suite: unknown;
    documentLoader: DocumentLoader;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
}

declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown });
  }
}

declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: { name: string };
}

declare module "@digitalbazaar/ed25519-multikey" {
  type JsonObject = Record<string, unknown>;
  export type Ed25519KeyPair = {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): unknown;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean; raw?: boolean }): Promise<JsonObject & { publicKeyMultibase: string; secretKeyMultibase?: string }>;
  };
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function from(key: JsonObject): Promise<Ed25519KeyPair>;
}

declare module "@digitalbazaar/did-method-key" {
  type JsonObject = Record<string, unknown>;
  export type DidKeyDriver = {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: JsonObject) => Promise<unknown> }): void;
    get(options: { url?: string; did?: string }): Promise<JsonObject>;
  };
  export function driver(): DidKeyDriver;
}

declare module "jsonld-document-loader" {
  import type { DocumentLoader } from "@digitalbazaar/vc";
  export class JsonLdDocumentLoader {
    addStatic(url: string, document: unknown): void;
    addDocuments(options: { documents: Iterable<[string, unknown]> }): void;
    setProtocolHandler(options: { protocol: string; handler: { get(options: { url: string }): Promise<unknown> } }): void;
    build(): DocumentLoader;
  }
}

declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module "@digitalbazaar/data-integrity-context" {
  const context: { contexts: Map<string, Record<string, unknown>> };
  export default context;
}

declare module "@digitalbazaar/multikey-context" {
  const context: { contexts: Map<string, Record<string, unknown>> };
  export default context;
}
