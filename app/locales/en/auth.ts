/** Sign in, sign up, sign out. */
export default {} as const;
