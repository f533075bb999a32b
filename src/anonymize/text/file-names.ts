/**
 * The extensions of the files notes name (exports, reports, images): an underscore-joined name before one of
 * these is a file's name, whose parts are read for the date and the place of the export
 * (recognizers/dates-extra.ts, recognizers/places-in-file-names.ts); an initial and a dot before one is no
 * login (recognizers/ids-logins.ts).
 */
export const FILE_EXTENSIONS: readonly string[] = ['csv', 'tsv', 'xls', 'xlsx', 'ods', 'txt', 'pdf', 'doc', 'docx', 'json', 'xml', 'hl7', 'dcm', 'zip'];

/** The same list as a regular-expression alternation. */
export const FILE_EXTENSION = FILE_EXTENSIONS.join('|');
