/** The public catalog, /verify and the read API pages. */
export default {} as const;
