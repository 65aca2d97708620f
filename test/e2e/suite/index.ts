// Entry the extension host calls (`extensionTestsPath`): VS Code awaits run(); a throw means failure.
import { runAll } from './harness';

export async function run(): Promise<void> {
  const results = await runAll();
  const failed = results.filter((r) => !r.ok).length;
  if (results.length === 0) throw new Error('no tests ran');
  if (failed) throw new Error(`${failed} of ${results.length} test(s) failed`);
}
