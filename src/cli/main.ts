#!/usr/bin/env node
import { isVoileError } from '../errors.js';

const USAGE = `voile — FHIR-native anonymization gateway

Usage:
  voile demo [--port N]                      gateway on an embedded demo FHIR server and cohort
  voile serve --config voile.yaml            gateway in front of the configured upstreams
  voile anonymize fhir [--policy P] --in PATH --out PATH
  voile anonymize dicom [--policy P] --in DIR --out DIR
  voile text detect|anonymize [--lang fr|en|auto] [--in F.jsonl] [--out F.jsonl]
  voile avatarize --in TABLE.csv --out DIR [--k 20] [--ncp 5]
  voile cohort build --config voile.yaml --policy NAME [--report report.html]
  voile help`;

type Command = (argv: string[]) => Promise<void>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: async () => (await import('./demo.js')).demoCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  'anonymize fhir': async () => (await import('./anonymize-fhir.js')).anonymizeFhirCommand,
  'anonymize dicom': async () => (await import('./anonymize-dicom.js')).anonymizeDicomCommand,
  text: async () => (await import('./text.js')).textCommand,
  avatarize: async () => (await import('./avatarize.js')).avatarizeCommand,
  'cohort build': async () => (await import('./cohort.js')).cohortBuildCommand,
};

async function main(argv: string[]): Promise<number> {
  const two = argv.slice(0, 2).join(' ');
  const key = COMMANDS[two] ? two : argv[0];
  if (key === undefined || key === 'help' || key === '--help' || !COMMANDS[key]) {
    process.stdout.write(`${USAGE}\n`);
    return key === undefined || key === 'help' || key === '--help' ? 0 : 2;
  }
  const command = await COMMANDS[key]!();
  await command(argv.slice(key.split(' ').length));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    // VoileError messages are written by Voile and carry no data; anything else is reported generically.
    if (isVoileError(err)) process.stderr.write(`voile: ${err.message}\n`);
    else process.stderr.write(`voile: unexpected failure${err instanceof Error ? ` (${err.name})` : ''}\n`);
    process.exitCode = 1;
  },
);
