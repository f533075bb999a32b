/**
 * The shapes of the postcodes that carry letters, as regular-expression sources for lower-case (folded) text; the
 * readers that know a postcode by its label, its key or its column compose them with the digit forms they accept.
 * A blank inside is optional ("ll52 0ah", "ll520ah").
 */
/** A British postcode: "ll52 0ah", "ky10 3bd", "sw1a 1aa". */
export const UK_POSTCODE = String.raw`[a-z]{1,2}\d[a-z\d]?[ ]?\d[a-z]{2}`;
/** A Canadian postal code: "p8n 1y9". */
export const CANADIAN_POSTCODE = String.raw`[a-z]\d[a-z][ ]?\d[a-z]\d`;
/** An Irish Eircode: "h54 y6f2". */
export const EIRCODE = String.raw`[a-z]\d{2}[ ]?[a-z\d]{4}`;
