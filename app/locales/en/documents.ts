/** The document page: summary, edit mode, fields, activity, versions, compare. */
export default {} as const;
