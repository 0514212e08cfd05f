/** Competency frameworks: library, import, tree, updates. */
export default {} as const;
