import { parseArgs, type ParseArgsConfig } from 'node:util';
import { VoileError } from '../errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing: an unknown flag is an error with the command's usage, not ignored. */
export function parseCommandArgs<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (cause) {
    throw new VoileError('BAD_REQUEST', `${cause instanceof Error ? cause.message : 'invalid arguments'}\n\n${usage}`);
  }
}

export function required(value: string | undefined, flag: string, usage: string): string {
  if (value === undefined || value === '') throw new VoileError('BAD_REQUEST', `${flag} is required\n\n${usage}`);
  return value;
}
