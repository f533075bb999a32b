export { Identity, type IdentityOptions } from './identity.js';
export { shiftDateValue, shiftDicomDate } from './date-shift.js';
export { parseSecret, MIN_SECRET_BYTES } from './keys.js';
