/** The rich-text editor, its toolbar and the collaboration bar. */
export default {} as const;
