/** Runs the bench's sections, so that one that fails is reported while the others still run. */
export class SectionRunner {
  readonly notes: string[] = [];
  failed = false;

  constructor(readonly log: (line: string) => void) {}

  /** The section's result, or undefined (with a note) when it threw. */
  async run<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.failed = true;
      const message = error instanceof Error ? error.message : String(error);
      this.log(`${name} failed: ${message}`);
      this.notes.push(`${name} failed: ${message.split('\n')[0]}`);
      return undefined;
    }
  }
}

export function logToStderr(line: string): void {
  process.stderr.write(`bench: ${line}\n`);
}
