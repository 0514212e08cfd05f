/** The assessment plan coverage matrix. */
export default {} as const;
