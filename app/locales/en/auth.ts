/** Sign in, sign up, sign out. */
export default {
  fields: { name: "Name", email: "Email", password: "Password" },
  passwordHint: "At least {min} characters.",
  signIn: {
    metaTitle: "Sign in — Concord",
    title: "Sign in to Concord",
    submit: "Sign in",
    newHere: "New to Concord?",
    createAccount: "Create an account",
  },
  signUp: {
    metaTitle: "Create account — Concord",
    title: "Create your Concord account",
    intro: "Co-design micro-credentials with employers, institutions and professional bodies.",
    submit: "Create account",
    haveAccount: "Already have an account?",
    signIn: "Sign in",
  },
  errors: {
    invalidCredentials: "Email or password is incorrect.",
    tooManyAttempts: "Too many sign-in attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
    emailTaken: "An account with this email already exists. Sign in instead.",
    invalidEmail: "Enter a valid email address",
    emailTooLong: "Email is too long",
    nameRequired: "Enter your name",
    nameTooLong: "Name is too long ({max} characters at most)",
    passwordTooShort: "Use at least {min} characters",
    passwordTooLongMax: "Password is too long ({max} characters at most)",
    passwordRequired: "Enter your password",
    passwordTooLong: "Password is too long",
  },
} as const;
