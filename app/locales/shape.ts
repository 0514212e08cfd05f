/** The French messages must have exactly the English ones' keys: tsc and locales.test.ts both check. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
