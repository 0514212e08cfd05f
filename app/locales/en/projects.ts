/** Projects, their participants and invitations. */
export default {} as const;
