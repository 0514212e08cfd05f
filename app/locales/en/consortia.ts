/** Consortia, module library, pathways. */
export default {} as const;
