import { loadIssueFiles } from '../lib/catalogue';
import { toIssueJson } from '../lib/catalogue/issue-json';

/**
 * `npm run parse -- FILE…`: parses the given raw issue files (no server, no index) and prints a
 * JSON array holding, for each issue, exactly what `/api/issues/<n>` would answer for it. Dates
 * are resolved among the given files only, so an undated file gets an estimate from its own
 * evidence. A file that is rejected is named on stderr with its reason, and the exit code is 1.
 */
async function main(): Promise<number> {
  const files = process.argv.slice(2).filter((arg) => arg !== '--');
  if (files.length === 0) {
    console.error('parse: name at least one issue file\nusage: npm run parse -- FILE…');
    return 2;
  }
  const { issues, report } = await loadIssueFiles(files);
  console.log(JSON.stringify(issues.map(toIssueJson), null, 2));
  for (const { file, reason } of report.rejected) console.error(`parse: rejected: ${file}: ${reason}`);
  for (const { file, kept } of report.duplicates)
    console.error(`parse: ${file} is a second copy of an issue; printed ${kept}`);
  return report.rejected.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`parse: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
