/** Raised when environment variables fail validation; lists each bad variable. */
export class ConfigValidationException extends Error {
  constructor(
    readonly configName: string,
    readonly problems: { variable: string; reason: string }[],
  ) {
    super(
      `Invalid configuration (${configName}): ` +
        problems.map((p) => `${p.variable}: ${p.reason}`).join('; '),
    );
    this.name = 'ConfigValidationException';
  }
}
