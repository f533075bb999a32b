/** The no-auth mode lives with the rest of authentication; this name stays for the transports' tests. */
export { loopbackOnlyAuthenticator as fixedPolicyAuthenticator } from '../auth/loopback.js';
