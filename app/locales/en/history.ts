/** The history panel and version names. */
export default {} as const;
