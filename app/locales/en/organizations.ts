/** Organizations and memberships. */
export default {} as const;
