/** Minimal `--name value` / `--flag` parsing for the numbered scripts. */
export function parseArgs(argv: string[], usage: string): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(usage.trim());
      process.exit(0);
    }
    if (!arg.startsWith('--')) fail(`unexpected argument "${arg}"`, usage);
    const [name, inline] = arg.slice(2).split('=', 2);
    const next = argv[i + 1];
    if (inline !== undefined) args.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) args.set(name, argv[++i]);
    else args.set(name, 'true');
  }
  return args;
}

export function fail(message: string, usage?: string): never {
  console.error(`error: ${message}`);
  if (usage) console.error(`\n${usage.trim()}`);
  process.exit(1);
}
