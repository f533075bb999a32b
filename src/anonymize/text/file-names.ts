/**
 * The extensions of the files notes name (exports, logs, reports, images, recordings): an underscore-joined name before one of
 * these is a file's name, whose parts are read for the date and the place of the export
 * (recognizers/dates-extra.ts, recognizers/places-in-file-names.ts); an initial and a dot before one is no
 * login (recognizers/ids-logins.ts).
 */
export const FILE_EXTENSIONS: readonly string[] = [
  'csv', 'tsv', 'xls', 'xlsx', 'ods', 'txt', 'pdf', 'doc', 'docx', 'json', 'xml', 'hl7', 'dcm', 'zip',
  // An integration's log and line-per-record exports ("exp_pr_ch_x_20261130.log", "registre_20261130.ndjson").
  'log', 'ndjson', 'jsonl', 'yaml', 'yml', 'sql', 'rtf', 'odt',
  // A dictation's recording, named by its service, day and author ("NEU_20261126_KJH_07.wav", "HPA-med-2026-11-26-03.mp3").
  'wav', 'mp3', 'm4a', 'amr', 'ogg', 'opus', 'wma', 'aac', 'dss', 'ds2', 'mp4',
];

/** The same list as a regular-expression alternation. */
export const FILE_EXTENSION = FILE_EXTENSIONS.join('|');
