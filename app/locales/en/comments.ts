/** Comment threads and the comments panel. */
export default {} as const;
