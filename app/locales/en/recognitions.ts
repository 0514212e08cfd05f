/** Recognitions of laddering rows. */
export default {} as const;
