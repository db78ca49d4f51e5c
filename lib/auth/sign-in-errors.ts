/** next-auth passes a thrown error's message to the sign-in form as `error`. */
export const SIGN_IN_THROTTLED = "TooManySignInAttempts";
